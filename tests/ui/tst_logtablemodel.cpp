#include "log/LogDock.h"
#include "log/LogFilterProxyModel.h"
#include "log/LogTableModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

LogLine line(int number, QtMsgType level = QtInfoMsg, const QString &category = u"bw.engine"_s)
{
    return LogLine{1'790'000'000'000 + number, level, category, u"line %1"_s.arg(number)};
}

QList<LogLine> lines(int first, int count)
{
    QList<LogLine> out;
    for (int i = first; i < first + count; ++i)
        out << line(i);
    return out;
}

int topRow(QTableView *table)
{
    return table->rowAt(0);
}

} // namespace

class TestLogTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void keepsTheNewestLinesWithinItsBound()
    {
        LogTableModel model(nullptr, 5000);
        LogFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        for (int batch = 0; batch < 12; ++batch)
            model.append(lines(batch * 500, 500));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.lineAt(0).message, u"line 1000"_s);
        QCOMPARE(model.lineAt(4999).message, u"line 5999"_s);
        QCOMPARE(inserts.count(), 12);
        QCOMPARE(resets.count(), 0);

        // One batch larger than the whole ring keeps only its newest lines.
        model.append(lines(10'000, 7000));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.lineAt(0).message, u"line 12000"_s);
        QCOMPARE(model.lineAt(4999).message, u"line 16999"_s);
        QCOMPARE(resets.count(), 0);

        model.append(line(1));
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.lineAt(4999).message, u"line 1"_s);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void showsTimeLevelCategoryAndMessage()
    {
        LogTableModel model;
        model.append(LogLine{1'790'000'123'456, QtWarningMsg, u"bw.scanner"_s, u"batch size lowered"_s});
        QCOMPARE(model.index(0, LogTableModel::Time).data().toString(), u"14:15:23.456"_s);
        QCOMPARE(model.index(0, LogTableModel::Level).data().toString(), u"Warning"_s);
        QCOMPARE(model.index(0, LogTableModel::Category).data().toString(), u"bw.scanner"_s);
        QCOMPARE(model.index(0, LogTableModel::Message).data().toString(), u"batch size lowered"_s);
        QVERIFY(model.index(0, LogTableModel::Level).data(Qt::ForegroundRole).isValid());
    }

    void filtersByLevelAndText()
    {
        LogTableModel model;
        LogFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({line(1, QtDebugMsg), line(2, QtInfoMsg, u"bw.scanner"_s), line(3, QtWarningMsg),
                      line(4, QtCriticalMsg, u"bw.scanner"_s), line(5, QtInfoMsg)});

        proxy.setMinimumSeverity(0);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setMinimumSeverity(1); // info and above hides debug
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setMinimumSeverity(2);
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, LogTableModel::Message).data().toString(), u"line 3"_s);
        proxy.setMinimumSeverity(3);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, LogTableModel::Level).data().toString(), u"Error"_s);

        proxy.setMinimumSeverity(0);
        proxy.setText(u"SCANNER"_s); // category, case-insensitive
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(u"line 5"_s); // message
        QCOMPARE(proxy.rowCount(), 1);

        // New lines go through the same filter.
        model.append(line(5, QtDebugMsg));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(QString());
        QCOMPARE(proxy.rowCount(), 6);
    }

    void dockFollowsTheTailUnlessScrolledUp()
    {
        LogDock dock(nullptr, 200);
        dock.resize(700, 300);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTableView *table = dock.table();
        QScrollBar *bar = table->verticalScrollBar();

        for (const LogLine &l : lines(0, 150))
            dock.addLine(l);
        // Lines arrive at the next flush (at most ten a second), in one insert.
        QTRY_COMPARE(dock.model()->rowCount(), 150);
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(table->model()
                     ->index(table->rowAt(table->viewport()->height() - 2), LogTableModel::Message)
                     .data()
                     .toString(),
                 u"line 149"_s);

        // Reading something further up: new lines (and dropped old ones) do not move it.
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!dock.isFollowingTail());
        const QString reading = table->model()->index(topRow(table), LogTableModel::Message).data().toString();
        for (const LogLine &l : lines(150, 80))
            dock.addLine(l);
        dock.flush();
        QCOMPARE(dock.model()->rowCount(), 200);
        QCOMPARE(dock.model()->lineAt(0).message, u"line 30"_s);
        QCOMPARE(table->model()->index(topRow(table), LogTableModel::Message).data().toString(), reading);

        // Back at the bottom it follows again.
        table->scrollToBottom();
        for (const LogLine &l : lines(230, 10))
            dock.addLine(l);
        dock.flush();
        QCOMPARE(bar->value(), bar->maximum());

        // The level filter and the count.
        auto *level = dock.findChild<QComboBox *>(u"logLevel"_s);
        auto *count = dock.findChild<QLabel *>(u"logCount"_s);
        QVERIFY(level && count);
        QCOMPARE(count->text(), u"200 lines"_s);
        dock.addLine(line(999, QtWarningMsg));
        dock.flush();
        level->setCurrentIndex(2);
        emit level->activated(2);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(count->text(), u"1 of 200 lines"_s);
        QCOMPARE(QSettings().value(u"logDock/minimumSeverity"_s).toInt(), 2);

        auto *clear = dock.findChild<QToolButton *>(u"logClear"_s);
        QVERIFY(clear);
        clear->click();
        QCOMPARE(dock.model()->rowCount(), 0);
        QCOMPARE(count->text(), u"0 lines"_s);
    }
};

QTEST_MAIN(TestLogTableModel)
#include "tst_logtablemodel.moc"
