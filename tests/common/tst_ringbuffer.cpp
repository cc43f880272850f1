#include "common/RingBuffer.h"

#include <QTest>

using namespace bw;

class TestRingBuffer : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheNewestElementsInOrder()
    {
        RingBuffer<int> ring(3);
        for (int i = 1; i <= 5; ++i)
            ring.push(i);
        QCOMPARE(ring.size(), std::size_t(3));
        QCOMPARE(ring[0], 3);
        QCOMPARE(ring[1], 4);
        QCOMPARE(ring[2], 5);
        QCOMPARE(ring.front(), 3);
        QCOMPARE(ring.back(), 5);
    }

    void shrinkingKeepsTheNewest()
    {
        RingBuffer<int> ring(5);
        for (int i = 1; i <= 5; ++i)
            ring.push(i);
        ring.setCapacity(2);
        QCOMPARE(ring.size(), std::size_t(2));
        QCOMPARE(ring[0], 4);
        QCOMPARE(ring[1], 5);
        ring.push(6);
        QCOMPARE(ring[0], 5);
        QCOMPARE(ring[1], 6);
    }

    void dropOldest()
    {
        RingBuffer<int> ring(4);
        for (int i = 1; i <= 6; ++i)
            ring.push(i);
        ring.dropOldest(2);
        QCOMPARE(ring.size(), std::size_t(2));
        QCOMPARE(ring.front(), 5);
        ring.dropOldest(10);
        QVERIFY(ring.isEmpty());
    }

    void atChecksBounds()
    {
        RingBuffer<int> ring(2);
        ring.push(1);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, ring.at(1));
    }
};

QTEST_APPLESS_MAIN(TestRingBuffer)
#include "tst_ringbuffer.moc"
