#pragma once

// Runs the Google Benchmarks of an executable and ends with one line per comparison, exactly
//   ratio <name> <measured> target <op><value>
// where measured = CPU time per iteration of the baseline / that of the contender, both from this run.
//
//   int main(int argc, char **argv)
//   {
//       return bw::bench::runWithRatios(argc, argv, {{"atr_update_vs_recompute", "BM_AtrRecompute500",
//                                                     "BM_AtrUpdate", ">=", 50}});
//   }

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace bw::bench {

struct Ratio {
    std::string name;
    std::string baseline;  // benchmark name of the slow side (numerator)
    std::string contender; // benchmark name of the fast side (denominator)
    std::string op;        // ">=" or "<="
    double target = 0.0;
};

// Shows the usual console output and keeps the CPU time per iteration (ns) of every run by name.
class CapturingReporter final : public benchmark::ConsoleReporter
{
public:
    // No colours: their escape codes would precede the first ratio line and break its exact format.
    CapturingReporter()
        : ConsoleReporter(OO_Tabular)
    {}

    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            if (run.error_occurred || run.run_type != Run::RT_Iteration)
                continue;
            const double ns = run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e9;
            m_nanoseconds[run.benchmark_name()].push_back(ns);
        }
    }

    // Median over repetitions; negative when the benchmark did not run.
    double nanosecondsPerIteration(const std::string &name) const
    {
        const auto it = m_nanoseconds.find(name);
        if (it == m_nanoseconds.end() || it->second.empty())
            return -1.0;
        std::vector<double> values = it->second;
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    }

private:
    std::map<std::string, std::vector<double>> m_nanoseconds;
};

inline int runWithRatios(int argc, char **argv, const std::vector<Ratio> &ratios)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    int missing = 0;
    for (const Ratio &ratio : ratios) {
        const double baseline = reporter.nanosecondsPerIteration(ratio.baseline);
        const double contender = reporter.nanosecondsPerIteration(ratio.contender);
        if (baseline <= 0.0 || contender <= 0.0) {
            std::fprintf(stderr, "ratio %s not measured: %s or %s did not run\n", ratio.name.c_str(),
                         ratio.baseline.c_str(), ratio.contender.c_str());
            ++missing;
            continue;
        }
        std::printf("ratio %s %.1f target %s%g\n", ratio.name.c_str(), baseline / contender, ratio.op.c_str(),
                    ratio.target);
    }
    std::fflush(stdout);
    // A ratio whose benchmarks were filtered out (--benchmark_filter) is reported above, not an error.
    (void)missing;
    return 0;
}

} // namespace bw::bench
