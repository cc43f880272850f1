#include "monitor/EventLoopLagProbe.h"

#include <QThread>
#include <QtTest>

using namespace bw;

// The probe on this thread's real event loop.
class TestEventLoopLagProbe : public QObject
{
    Q_OBJECT

private slots:
    void aBlockedLoopShowsAsLag()
    {
        EventLoopLagProbe probe(20, 60'000);
        probe.start();
        QTRY_VERIFY(probe.sampleCount() >= 2);
        // Holding the loop for 300 ms makes the next tick at least 280 ms late, however fast the machine.
        QThread::msleep(300);
        QTRY_VERIFY(probe.maxLagMs() >= 280);
        QVERIFY(probe.percentile(1.0) >= 280);
        QVERIFY(probe.percentile(0.99) >= probe.percentile(0.5));
        QVERIFY(probe.percentile(0.0) >= 0);
    }

    void keepsOnlyTheWindow()
    {
        EventLoopLagProbe probe(10, 50); // five ticks
        QCOMPARE(probe.sampleCount(), 0);
        QCOMPARE(probe.percentile(0.5), 0.0);
        QSignalSpy ticks(&probe, &EventLoopLagProbe::tick);
        probe.start();
        QTRY_VERIFY(ticks.count() >= 12);
        QCOMPARE(probe.sampleCount(), 5);
        probe.stop();
        QVERIFY(!probe.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestEventLoopLagProbe)
#include "tst_eventlooplagprobe.moc"
