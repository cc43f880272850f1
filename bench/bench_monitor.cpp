// Resource monitor benchmarks: what one sample costs, against the obvious alternatives.
//
//  - sample_vs_spawn_cat: ProcSampler::sample (process + system, kept-open files, pread, in-place
//    parsing, plus a descriptor count cat cannot do) vs spawning `cat` on the same /proc files and
//    parsing its output with the same parsers.
//  - pread_vs_open_read_close: reading the same files (those a sample reads every tick) through kept
//    descriptors with pread vs open/read/close each time (no parsing on either side), plus a per-file
//    breakdown in CPU time.
#include "monitor/ProcParsers.h"
#include "monitor/ProcSampler.h"

#include <QCoreApplication>

#include <array>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

// The files one sample reads on every tick, in the order `cat` prints them. The details (status,
// smaps_rollup, io, socket classification) are re-read at most every 10 s by default
// (ProcSampler::Options::detailIntervalMs); a sample that reads them too is measured on its own below.
std::vector<std::string> sampleFiles()
{
    const std::string self = "/proc/" + std::to_string(::getpid()) + "/";
    return {self + "stat", self + "statm", "/proc/meminfo", "/proc/stat", "/proc/loadavg"};
}

// Every file the sampler reads, per tick or as a detail, for the per-file breakdown.
std::vector<std::string> allSamplerFiles()
{
    const std::string self = "/proc/" + std::to_string(::getpid()) + "/";
    return {self + "stat",         self + "statm",  self + "io",  self + "status",
            self + "smaps_rollup", "/proc/meminfo", "/proc/stat", "/proc/loadavg"};
}

void BM_FullSample(benchmark::State &state)
{
    bw::ProcSampler sampler;
    if (!sampler.attach(0)) {
        state.SkipWithError("attach failed");
        return;
    }
    bw::ResourceSample sample;
    for (auto _ : state) {
        sampler.sample(sample, 0);
        benchmark::DoNotOptimize(sample.process.rssBytes);
    }
}
BENCHMARK(BM_FullSample);

// Spawns cat on the files, reads its output through a pipe and parses it with the same parsers: line 1 is
// /proc/[pid]/stat, line 2 statm, the last line loadavg, and meminfo and /proc/stat in between.
void BM_SpawnCat(benchmark::State &state)
{
    const std::vector<std::string> files = sampleFiles();
    std::vector<char *> argv;
    std::string cat = "cat";
    argv.push_back(cat.data());
    std::vector<std::string> copies = files;
    for (std::string &f : copies)
        argv.push_back(f.data());
    argv.push_back(nullptr);
    std::string output;
    output.reserve(1 << 16);
    bw::proc::SystemStat systemStat;
    for (auto _ : state) {
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
            state.SkipWithError("pipe failed");
            return;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
        pid_t pid = 0;
        const int rc = ::posix_spawnp(&pid, "cat", &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipeFds[1]);
        if (rc != 0) {
            ::close(pipeFds[0]);
            state.SkipWithError("spawn failed");
            return;
        }
        output.clear();
        char buffer[16384];
        for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
            output.append(buffer, std::size_t(n));
        ::close(pipeFds[0]);
        int exitStatus = 0;
        ::waitpid(pid, &exitStatus, 0);

        const std::string_view text(output);
        const std::size_t line1 = text.find('\n');
        const std::size_t line2 = text.find('\n', line1 + 1);
        const std::size_t lastStart = text.rfind('\n', text.size() - 2) + 1;
        const std::string_view middle = text.substr(line2 + 1, lastStart - line2 - 1);
        const auto stat = bw::proc::parsePidStat(text.substr(0, line1));
        const auto statm = bw::proc::parsePidStatm(text.substr(line1 + 1, line2 - line1 - 1));
        const auto mem = bw::proc::parseMemInfo(middle);
        bw::proc::parseSystemStat(middle, systemStat);
        const auto load = bw::proc::parseLoadAvg(text.substr(lastStart));
        if (!stat || !statm || !mem || !load) {
            state.SkipWithError("cat output did not parse");
            return;
        }
    }
}
BENCHMARK(BM_SpawnCat)->Unit(benchmark::kMicrosecond);

void BM_KeptPread(benchmark::State &state)
{
    const std::vector<std::string> files = sampleFiles();
    std::vector<int> fds;
    for (const std::string &f : files)
        fds.push_back(::open(f.c_str(), O_RDONLY | O_CLOEXEC));
    std::vector<char> buffer(1 << 16);
    for (auto _ : state) {
        for (int fd : fds)
            benchmark::DoNotOptimize(::pread(fd, buffer.data(), buffer.size(), 0));
    }
    for (int fd : fds)
        ::close(fd);
}
BENCHMARK(BM_KeptPread);

// The floor under any way of reading these files one call at a time: a pread of 0 bytes enters the kernel,
// looks up the descriptor and returns before the file's text is generated. BM_KeptPread minus this is what
// the kernel spends generating the text, which no choice of descriptors can save.
void BM_KeptPreadEmpty(benchmark::State &state)
{
    const std::vector<std::string> files = sampleFiles();
    std::vector<int> fds;
    for (const std::string &f : files)
        fds.push_back(::open(f.c_str(), O_RDONLY | O_CLOEXEC));
    char byte = 0;
    for (auto _ : state) {
        for (int fd : fds)
            benchmark::DoNotOptimize(::pread(fd, &byte, 0, 0));
    }
    for (int fd : fds)
        ::close(fd);
}
BENCHMARK(BM_KeptPreadEmpty);

void BM_OpenReadClose(benchmark::State &state)
{
    const std::vector<std::string> files = sampleFiles();
    std::vector<char> buffer(1 << 16);
    for (auto _ : state) {
        for (const std::string &f : files) {
            const int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
            benchmark::DoNotOptimize(::read(fd, buffer.data(), buffer.size()));
            ::close(fd);
        }
    }
}
BENCHMARK(BM_OpenReadClose);

// "/proc/[pid]/stat" for the process's own files, the path for the system's.
std::string fileLabel(const std::string &file)
{
    const std::string self = "/proc/" + std::to_string(::getpid()) + "/";
    return file.rfind(self, 0) == 0 ? "/proc/[pid]/" + file.substr(self.size()) : file;
}

// Per file: where the time of the two ways goes (the kernel generates the text on every read either way;
// kept descriptors save the path walk, the allocation of the open file and the close).
void BM_FileKeptPread(benchmark::State &state)
{
    const std::string file = allSamplerFiles()[std::size_t(state.range(0))];
    state.SetLabel(fileLabel(file));
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    std::vector<char> buffer(1 << 16);
    for (auto _ : state)
        benchmark::DoNotOptimize(::pread(fd, buffer.data(), buffer.size(), 0));
    ::close(fd);
}
BENCHMARK(BM_FileKeptPread)->DenseRange(0, 7);

void BM_FileOpenReadClose(benchmark::State &state)
{
    const std::string file = allSamplerFiles()[std::size_t(state.range(0))];
    state.SetLabel(fileLabel(file));
    std::vector<char> buffer(1 << 16);
    for (auto _ : state) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        benchmark::DoNotOptimize(::read(fd, buffer.data(), buffer.size()));
        ::close(fd);
    }
}
BENCHMARK(BM_FileOpenReadClose)->DenseRange(0, 7);

// One sample that also re-reads the details every time (status, smaps_rollup, a readlink per descriptor),
// as with detailIntervalMs 0.
void BM_FullSampleWithDetails(benchmark::State &state)
{
    bw::ProcSampler::Options options;
    options.detailIntervalMs = 0;
    bw::ProcSampler sampler(options);
    if (!sampler.attach(0)) {
        state.SkipWithError("attach failed");
        return;
    }
    bw::ResourceSample sample;
    for (auto _ : state) {
        sampler.sample(sample, 0);
        benchmark::DoNotOptimize(sample.process.pssBytes);
    }
}
BENCHMARK(BM_FullSampleWithDetails);

// Keeps each benchmark's real time per iteration (ns) while printing the usual console table.
class RecordingReporter final : public benchmark::ConsoleReporter
{
public:
    // No colours: the ratio lines after the table must start at the beginning of a line.
    RecordingReporter()
        : ConsoleReporter(OO_Tabular)
    {}

    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            if (run.run_type == Run::RT_Iteration && !run.error_occurred && run.iterations > 0) {
                times[run.benchmark_name()] = run.real_accumulated_time * 1e9 / double(run.iterations);
                cpuTimes[run.benchmark_name()] = run.cpu_accumulated_time * 1e9 / double(run.iterations);
                labels[run.benchmark_name()] = run.report_label;
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> times;
    std::map<std::string, double> cpuTimes;
    std::map<std::string, std::string> labels;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // for QString-based helpers; no event loop runs
    benchmark::Initialize(&argc, argv);
    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto time = [&](const char *name) {
        const auto it = reporter.times.find(name);
        return it == reporter.times.end() ? 0.0 : it->second;
    };
    const double sample = time("BM_FullSample");
    const double spawn = time("BM_SpawnCat");
    const double pread = time("BM_KeptPread");
    const double openRead = time("BM_OpenReadClose");
    const double sampleWithDetails = time("BM_FullSampleWithDetails");
    if (sample > 0 && spawn > 0)
        std::printf("ratio sample_vs_spawn_cat %.1f target >=50\n", spawn / sample);
    if (pread > 0 && openRead > 0)
        std::printf("ratio pread_vs_open_read_close %.2f target >=2\n", openRead / pread);
    // The same pair in CPU time: on a loaded machine the wall times carry preemption.
    const auto cpu = [&](const char *name) {
        const auto it = reporter.cpuTimes.find(name);
        return it == reporter.cpuTimes.end() ? 0.0 : it->second;
    };
    if (cpu("BM_KeptPread") > 0 && cpu("BM_OpenReadClose") > 0)
        std::printf("info pread_vs_open_read_close_cpu_time %.2f\n", cpu("BM_OpenReadClose") / cpu("BM_KeptPread"));
    // Where the five files' time goes: kept descriptors save exactly open + close; the ratio reaches 2 only
    // when open + close cost at least as much as the syscall itself plus the kernel's text generation.
    if (cpu("BM_KeptPreadEmpty") > 0 && cpu("BM_KeptPread") > 0 && cpu("BM_OpenReadClose") > 0) {
        const double syscallNs = cpu("BM_KeptPreadEmpty");
        const double generationNs = cpu("BM_KeptPread") - syscallNs;
        const double openCloseNs = cpu("BM_OpenReadClose") - cpu("BM_KeptPread");
        std::printf("info five_files_cpu_ns syscall %.0f kernel_text_generation %.0f open_close_saved %.0f\n",
                    syscallNs, generationNs, openCloseNs);
        // Even a read that cost nothing beyond the text generation could not do better than this.
        std::printf("info pread_vs_open_read_close_bound_if_syscalls_were_free %.2f\n",
                    cpu("BM_OpenReadClose") / generationNs);
    }
    for (int i = 0; i < 8; ++i) {
        const std::string kept = "BM_FileKeptPread/" + std::to_string(i);
        const std::string opened = "BM_FileOpenReadClose/" + std::to_string(i);
        const double keptNs = cpu(kept.c_str());
        const double openNs = cpu(opened.c_str());
        if (keptNs > 0 && openNs > 0)
            std::printf("info file_cpu_ns %s pread %.0f open_read_close %.0f ratio %.2f\n",
                        reporter.labels[kept].c_str(), keptNs, openNs, openNs / keptNs);
    }
    if (sample > 0)
        std::printf("info sample_cost_us %.1f\n", sample / 1000.0);
    if (sampleWithDetails > 0)
        std::printf("info sample_with_details_cost_us %.1f\n", sampleWithDetails / 1000.0);
    return 0;
}
