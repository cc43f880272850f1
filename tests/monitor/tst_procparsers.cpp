#include "monitor/ProcParsers.h"

#include <QFile>
#include <QTest>

using namespace bw;
using namespace bw::proc;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(BW_TEST_DATA_DIR "/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

std::string_view sv(const QByteArray &bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

class TestProcParsers : public QObject
{
    Q_OBJECT

private slots:
    void pidStat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("utime");
        QTest::addColumn<qint64>("stime");
        QTest::addColumn<qint64>("minflt");
        QTest::addColumn<qint64>("threads");
        QTest::addColumn<qint64>("startTime");
        QTest::addColumn<qint64>("vsize");
        QTest::addColumn<qint64>("rssPages");

        QTest::newRow("cat") << "stat_self.txt" << true << "cat" << 0LL << 0LL << 116LL << 1LL << 73680LL << 3133440LL
                             << 389LL;
        QTest::newRow("busy python, 4 threads")
            << "stat_busy.txt" << true << "python3" << 75LL << 1LL << 2874LL << 4LL << 74692LL << 243519488LL << 3387LL;
        QTest::newRow("name with spaces and parentheses") << "stat_name_parens.txt" << true << "a) b (c) d" << 0LL
                                                          << 0LL << 116LL << 1LL << 73680LL << 3133440LL << 389LL;
        QTest::newRow("kernel thread") << "stat_kthread.txt" << true << "kthreadd" << 0LL << 0LL << 0LL << 1LL << 22LL
                                       << 0LL << 0LL;
        QTest::newRow("truncated") << "stat_truncated.txt" << false << "" << 0LL << 0LL << 0LL << 0LL << 0LL << 0LL
                                   << 0LL;
    }

    void pidStat()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto stat = parsePidStat(sv(text));
        QCOMPARE(stat.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, name);
        QCOMPARE(QString::fromUtf8(stat->name.data(), qsizetype(stat->name.size())), name);
        QTEST(stat->utimeTicks, "utime");
        QTEST(stat->stimeTicks, "stime");
        QTEST(stat->minorFaults, "minflt");
        QTEST(stat->numThreads, "threads");
        QTEST(stat->startTimeTicks, "startTime");
        QTEST(stat->vsizeBytes, "vsize");
        QTEST(stat->rssPages, "rssPages");
    }

    void pidStatRejectsGarbage()
    {
        QVERIFY(!parsePidStat(""));
        QVERIFY(!parsePidStat("123 no parentheses S 1 2 3"));
        QVERIFY(!parsePidStat("123 (x) S 1 2 three 4"));
    }

    void pidStatus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("vmRss");
        QTest::addColumn<qint64>("vmSize");
        QTest::addColumn<qint64>("vmSwap");
        QTest::addColumn<qint64>("threads");

        QTest::newRow("cat") << "status_self.txt" << true << "cat" << 1612LL * 1024 << 3060LL * 1024 << 0LL << 1LL;
        QTest::newRow("python") << "status_busy.txt" << true << "python3" << 13584LL * 1024 << 237812LL * 1024 << 0LL
                                << 4LL;
        // Kernel threads have no Vm* lines: absent, not zero.
        QTest::newRow("kernel thread") << "status_kthread.txt" << true << "kthreadd" << -1LL << -1LL << -1LL << 1LL;
        QTest::newRow("truncated") << "status_truncated.txt" << false << "" << 0LL << 0LL << 0LL << 0LL;
    }

    void pidStatus()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto status = parsePidStatus(sv(text));
        QCOMPARE(status.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, name);
        QCOMPARE(QString::fromUtf8(status->name.data(), qsizetype(status->name.size())), name);
        QTEST(status->vmRssBytes, "vmRss");
        QTEST(status->vmSizeBytes, "vmSize");
        QTEST(status->vmSwapBytes, "vmSwap");
        QTEST(status->threads, "threads");
    }

    void pidStatm_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("resident");
        QTest::addColumn<qint64>("shared");
        QTest::newRow("cat") << "statm_self.txt" << true << 765LL << 410LL << 381LL;
        QTest::newRow("truncated") << "statm_truncated.txt" << false << 0LL << 0LL << 0LL;
    }

    void pidStatm()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto statm = parsePidStatm(sv(text));
        QCOMPARE(statm.has_value(), valid);
        if (!valid)
            return;
        QTEST(statm->sizePages, "size");
        QTEST(statm->residentPages, "resident");
        QTEST(statm->sharedPages, "shared");
    }

    void smapsRollup_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("rss");
        QTest::addColumn<qint64>("pss");
        QTest::addColumn<qint64>("privateDirty");
        QTest::addColumn<qint64>("swap");
        QTest::newRow("cat") << "smaps_rollup_self.txt" << true << 1728LL * 1024 << 207LL * 1024 << 116LL * 1024 << 0LL;
        // A process whose maps we may not read gives an empty read: no PSS, never a zero PSS.
        QTest::newRow("missing") << "smaps_rollup_missing.txt" << false << 0LL << 0LL << 0LL << 0LL;
    }

    void smapsRollup()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto rollup = parseSmapsRollup(sv(text));
        QCOMPARE(rollup.has_value(), valid);
        if (!valid)
            return;
        QTEST(rollup->rssBytes, "rss");
        QTEST(rollup->pssBytes, "pss");
        QTEST(rollup->privateDirtyBytes, "privateDirty");
        QTEST(rollup->swapBytes, "swap");
    }

    void pidIo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("rchar");
        QTest::addColumn<qint64>("syscr");
        QTest::newRow("cat") << "io_self.txt" << true << 6976LL << 10LL;
        QTest::newRow("truncated") << "io_truncated.txt" << false << 0LL << 0LL;
    }

    void pidIo()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto io = parsePidIo(sv(text));
        QCOMPARE(io.has_value(), valid);
        if (!valid)
            return;
        QTEST(io->rchar, "rchar");
        QTEST(io->syscr, "syscr");
    }

    void systemStat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("cores");
        QTest::addColumn<qint64>("user");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("core1Idle");
        QTest::addColumn<qint64>("ctxt");
        QTest::newRow("two cores") << "proc_stat.txt" << true << 2 << 31369LL
                                   << 31369LL + 0 + 6600 + 108279 + 569 + 0 + 77 + 40 << 53125LL << 458413LL;
        // cpu1 offline: index 1 keeps zeros, cpu2 is still at index 2.
        QTest::newRow("offline core") << "proc_stat_offline_core.txt" << true << 3 << 400LL << 2000LL << 0LL << 99LL;
        QTest::newRow("truncated") << "proc_stat_truncated.txt" << false << 0 << 0LL << 0LL << 0LL << 0LL;
    }

    void systemStat()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        SystemStat stat;
        QCOMPARE(parseSystemStat(sv(text), stat), valid);
        if (!valid)
            return;
        QTEST(int(stat.cores.size()), "cores");
        QTEST(stat.overall.user, "user");
        QTEST(stat.overall.total(), "total");
        QTEST(stat.cores[1].idle, "core1Idle");
        QTEST(stat.contextSwitches, "ctxt");
    }

    void systemStatReusesStorage()
    {
        const QByteArray two = fixture(QStringLiteral("proc_stat.txt"));
        const QByteArray three = fixture(QStringLiteral("proc_stat_offline_core.txt"));
        SystemStat stat;
        QVERIFY(parseSystemStat(sv(three), stat));
        QCOMPARE(stat.cores.size(), 3u);
        QVERIFY(parseSystemStat(sv(two), stat));
        QCOMPARE(stat.cores.size(), 2u); // shrinks to what this read holds
        QCOMPARE(stat.cores[0].user, 15113);
    }

    void memInfo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<qint64>("swapTotal");
        QTest::newRow("real") << "meminfo.txt" << true << 24684084LL * 1024 << 23345656LL * 1024 << 0LL;
        QTest::newRow("truncated") << "meminfo_truncated.txt" << false << 0LL << 0LL << 0LL;
    }

    void memInfo()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto mem = parseMemInfo(sv(text));
        QCOMPARE(mem.has_value(), valid);
        if (!valid)
            return;
        QTEST(mem->totalBytes, "total");
        QTEST(mem->availableBytes, "available");
        QTEST(mem->swapTotalBytes, "swapTotal");
    }

    void loadAvg_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("load1");
        QTest::addColumn<double>("load15");
        QTest::addColumn<qint64>("entities");
        QTest::newRow("real") << "loadavg.txt" << true << 3.27 << 0.55 << 133LL;
        QTest::newRow("truncated") << "loadavg_truncated.txt" << false << 0.0 << 0.0 << 0LL;
    }

    void loadAvg()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        const QByteArray text = fixture(file);
        const auto load = parseLoadAvg(sv(text));
        QCOMPARE(load.has_value(), valid);
        if (!valid)
            return;
        QTEST(load->load1, "load1");
        QTEST(load->load15, "load15");
        QTEST(load->entities, "entities");
    }

    void commAndDescriptors()
    {
        QCOMPARE(parseComm("bw-scanner-3\n"), std::string_view("bw-scanner-3"));
        QCOMPARE(parseComm("no newline"), std::string_view("no newline"));
        QCOMPARE(classifyFdTarget("socket:[123456]"), FdKind::Socket);
        QCOMPARE(classifyFdTarget("pipe:[42]"), FdKind::Pipe);
        QCOMPARE(classifyFdTarget("anon_inode:[eventfd]"), FdKind::AnonInode);
        QCOMPARE(classifyFdTarget("/home/user/journal.sqlite"), FdKind::File);
        QCOMPARE(classifyFdTarget(""), FdKind::Other);
    }
};

QTEST_APPLESS_MAIN(TestProcParsers)
#include "tst_procparsers.moc"
