#include "ScanFixture.h"
#include "common/NumberFormat.h"
#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "scanner/CandidateScopeProxy.h"
#include "scanner/CandidateTableModel.h"
#include "scanner/FilterTableModel.h"
#include "scanner/FunnelModel.h"
#include "scanner/ScoreBreakdownModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

QStringList symbols(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, CandidateTableModel::Symbol).data().toString();
    return out;
}

} // namespace

// The scanner page's item models over reports from a real Scanner on a seeded simulated market.
class TestCandidateTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        m_fixture = std::make_unique<test::ScanFixture>();
        m_first = m_fixture->scan();
        QVERIFY(m_first);
        m_fixture->advance(3);
        m_second = m_fixture->scan();
        QVERIFY(m_second);
        // The fixture's preset must give both kinds of rows, or the tests below would prove little.
        QVERIFY2(m_first->candidates.size() >= 5, qPrintable(QString::number(m_first->candidates.size())));
        QVERIFY2(m_first->rejections.size() >= 5, qPrintable(QString::number(m_first->rejections.size())));
    }

    void oneRowPerSymbolWithRankOrReason()
    {
        CandidateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(m_first);
        QCOMPARE(model.rowCount(), m_first->candidates.size() + m_first->rejections.size());
        QCOMPARE(model.columnCount(), int(CandidateTableModel::Count));

        for (const Candidate &c : m_first->candidates) {
            const int row = model.rowOf(c.symbol);
            QVERIFY(row >= 0);
            QCOMPARE(model.index(row, CandidateTableModel::Rank).data().toString(), QString::number(c.rank));
            QCOMPARE(model.index(row, CandidateTableModel::Status).data().toString(), u"Passed"_s);
            QCOMPARE(model.index(row, CandidateTableModel::Score).data(CandidateTableModel::SortRole).toDouble(),
                     c.score);
            QCOMPARE(model.index(row, CandidateTableModel::Price).data(CandidateTableModel::SortRole).toDouble(),
                     c.metrics.price);
            QVERIFY(!model.index(row, CandidateTableModel::Price).data().toString().isEmpty());
            QVERIFY(!model.index(row, CandidateTableModel::AtrPercent).data().toString().isEmpty());
            QVERIFY(model.index(row, 0).data(CandidateTableModel::PassedRole).toBool());
            // The full candidate rides along for the detail panel.
            const auto full = model.index(row, 0).data(CandidateTableModel::CandidateRole).value<Candidate>();
            QCOMPARE(full.symbol, c.symbol);
            QCOMPARE(full.filters.size(), c.filters.size());
            QCOMPARE(full.levels.size(), c.levels.size());
        }
        int withVolume = 0;
        for (const Rejection &r : m_first->rejections) {
            const int row = model.rowOf(r.symbol);
            QVERIFY(row >= 0);
            QVERIFY(!model.index(row, 0).data(CandidateTableModel::PassedRole).toBool());
            QVERIFY(!model.index(row, 0).data(CandidateTableModel::CandidateRole).isValid());
            QCOMPARE(model.index(row, 0).data(CandidateTableModel::RejectionRole).value<Rejection>().symbol, r.symbol);
            QVERIFY(model.index(row, CandidateTableModel::Rank).data().toString().isEmpty());
            // "Liquidity: volume 24 h 1.2 M < 5 M"
            const QString status = model.index(row, CandidateTableModel::Status).data().toString();
            QVERIFY(!r.reason.isEmpty());
            QVERIFY2(status.contains(r.reason), qPrintable(status));
            QVERIFY2(status.startsWith(u"Liquidity"_s) || status.startsWith(u"Volatility"_s) ||
                         status.startsWith(u"Data health"_s) || status.startsWith(u"Correlation"_s),
                     qPrintable(status));
            if (!model.index(row, CandidateTableModel::Volume24h).data().toString().isEmpty())
                ++withVolume;
        }
        // Rejected symbols still show what the scan measured before it dropped them.
        QCOMPARE(withVolume, m_first->rejections.size());
    }

    void nearestLevelsAreTheClosestOfEachKind()
    {
        CandidateTableModel model;
        model.setReport(m_first);
        int checked = 0;
        for (const Candidate &c : m_first->candidates) {
            std::optional<double> support;
            std::optional<double> nearest; // distance in % to the nearer level of either kind
            for (const Level &l : c.levels) {
                const double price = c.metrics.price;
                if (l.type == LevelType::Support &&
                    (!support || std::abs(l.price - price) < std::abs(*support - price)))
                    support = l.price;
                const double distance = std::abs(l.price - price) / price * 100.0;
                if (!nearest || distance < *nearest)
                    nearest = distance;
            }
            const QModelIndex cell = model.index(model.rowOf(c.symbol), CandidateTableModel::Levels);
            if (!nearest) {
                QVERIFY(cell.data().toString().isEmpty());
                continue;
            }
            QVERIFY(std::abs(cell.data(CandidateTableModel::SortRole).toDouble() - *nearest) < 1e-9);
            // "support / resistance" as distances: the support part is the nearest support's.
            const QString text = cell.data().toString();
            QVERIFY2(text.contains(u" / "_s), qPrintable(text));
            if (support)
                QCOMPARE(text.section(u" / "_s, 0, 0),
                         NumberFormat::signedPercent((*support - c.metrics.price) / c.metrics.price * 100.0));
            else
                QCOMPARE(text.section(u" / "_s, 0, 0), u"–"_s);
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::newRow("volume, largest first") << int(CandidateTableModel::Volume24h) << int(Qt::DescendingOrder);
        QTest::newRow("price, smallest first") << int(CandidateTableModel::Price) << int(Qt::AscendingOrder);
        QTest::newRow("score, best first") << int(CandidateTableModel::Score) << int(Qt::DescendingOrder);
        QTest::newRow("rank") << int(CandidateTableModel::Rank) << int(Qt::AscendingOrder);
        QTest::newRow("ATR %") << int(CandidateTableModel::AtrPercent) << int(Qt::DescendingOrder);
        QTest::newRow("surges") << int(CandidateTableModel::Surges) << int(Qt::DescendingOrder);
        QTest::newRow("closest to a level") << int(CandidateTableModel::Levels) << int(Qt::AscendingOrder);
    }

    void sortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        CandidateTableModel model;
        SortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(m_first);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(proxy.rowCount(), model.rowCount());
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const double a = proxy.index(row - 1, column).data(CandidateTableModel::SortRole).toDouble();
            const double b = proxy.index(row, column).data(CandidateTableModel::SortRole).toDouble();
            QVERIFY2(order == Qt::AscendingOrder ? a <= b : a >= b,
                     qPrintable(u"row %1: %2 then %3"_s.arg(row).arg(a).arg(b)));
        }
        // Numeric, not text order: the first candidate by rank is rank 1 even with ranks 10 and up present.
        if (column == CandidateTableModel::Rank)
            QCOMPARE(proxy.index(0, column).data().toString(), u"1"_s);
    }

    void secondReportUpdatesInPlaceWithoutReset()
    {
        CandidateTableModel model;
        CandidateScopeProxy scope;
        scope.setSourceModel(&model);
        SortFilterProxyModel proxy;
        proxy.setSourceModel(&scope);
        proxy.sort(CandidateTableModel::Score, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(m_first);
        const QPersistentModelIndex firstRow = model.index(0, 0);
        const QString firstSymbol = firstRow.data().toString();

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setReport(m_second);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1); // one range for the whole report
        QCOMPARE(model.rowCount(), m_second->candidates.size() + m_second->rejections.size());
        // A symbol in both reports keeps its row object.
        if (model.rowOf(firstSymbol) >= 0) {
            QVERIFY(firstRow.isValid());
            QCOMPARE(firstRow.data().toString(), firstSymbol);
        }
        // Every row shows the second report's values.
        for (const Candidate &c : m_second->candidates)
            QCOMPARE(model.index(model.rowOf(c.symbol), CandidateTableModel::Rank).data().toString(),
                     QString::number(c.rank));
        // The same report again changes nothing.
        changes.clear();
        model.setReport(m_second);
        QCOMPARE(changes.count(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void scopeAndTextFilter()
    {
        CandidateTableModel model;
        CandidateScopeProxy scope;
        scope.setSourceModel(&model);
        SortFilterProxyModel proxy;
        proxy.setSourceModel(&scope);
        proxy.setFilterKeyColumn(CandidateTableModel::Symbol);
        QAbstractItemModelTester scopeTester(&scope, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(m_first);
        QCOMPARE(proxy.rowCount(), model.rowCount());

        scope.setCandidatesOnly(true);
        QCOMPARE(proxy.rowCount(), m_first->candidates.size());
        for (int row = 0; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row, 0).data(CandidateTableModel::PassedRole).toBool());

        // A report that moves symbols between passed and rejected re-filters.
        model.setReport(m_second);
        QCOMPARE(proxy.rowCount(), m_second->candidates.size());

        const QString symbol = m_second->candidates.first().symbol;
        proxy.setFilterFixedString(symbol.left(symbol.size() - 4).toLower()); // "btc" finds BTCUSDT
        QVERIFY(proxy.rowCount() >= 1);
        QVERIFY(symbols(proxy).contains(symbol));
        for (const QString &s : symbols(proxy))
            QVERIFY(s.contains(symbol.left(symbol.size() - 4)));

        proxy.setFilterFixedString(QString());
        scope.setCandidatesOnly(false);
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }

    void filterTableListsEveryFilterWithItsVerdict()
    {
        FilterTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Candidate &candidate = m_first->candidates.first();
        model.setFilters(candidate.filters);
        QCOMPARE(model.rowCount(), candidate.filters.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const FilterResult &f = candidate.filters.at(row);
            QVERIFY(!model.index(row, FilterTableModel::Name).data().toString().isEmpty());
            QVERIFY(!model.index(row, FilterTableModel::Threshold).data().toString().isEmpty());
            QVERIFY(!model.index(row, FilterTableModel::Comparison).data().toString().isEmpty());
            QCOMPARE(model.index(row, FilterTableModel::Value).data(FilterTableModel::SortRole).toDouble(), f.value);
            const QString result = model.index(row, FilterTableModel::Result).data().toString();
            QCOMPARE(result, f.applicable ? u"Pass"_s : u"n/a"_s); // a candidate passed all
        }
        const auto volume = std::find_if(candidate.filters.cbegin(), candidate.filters.cend(),
                                         [](const FilterResult &f) { return f.key == u"min_24h_volume"; });
        QVERIFY(volume != candidate.filters.cend());
        const int volumeRow = int(volume - candidate.filters.cbegin());
        QCOMPARE(model.index(volumeRow, FilterTableModel::Name).data().toString(), u"24 h volume"_s);
        QCOMPARE(model.index(volumeRow, FilterTableModel::Comparison).data().toString(), u"≥"_s);

        // A rejected symbol's filters: the failing one says Fail, in the down colour.
        const Rejection *liquidity = nullptr;
        for (const Rejection &r : m_first->rejections)
            if (r.stage == ScanStage::Liquidity)
                liquidity = &r;
        QVERIFY(liquidity);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFilters(liquidity->filters);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), liquidity->filters.size());
        int failed = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, FilterTableModel::Result).data().toString() == u"Fail") {
                ++failed;
                QCOMPARE(model.index(row, FilterTableModel::Result).data(Qt::ForegroundRole).value<QColor>(),
                         Theme::down());
                QVERIFY(!model.index(row, FilterTableModel::Result).data(Qt::ToolTipRole).toString().isEmpty());
            }
        }
        QVERIFY(failed >= 1);
        model.setFilters({});
        QCOMPARE(model.rowCount(), 0);
    }

    void scoreBreakdownSumsToTheScore()
    {
        ScoreBreakdownModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        for (const Candidate &c : m_first->candidates) {
            model.setBreakdown(c.scoreBreakdown);
            QCOMPARE(model.rowCount(), kScoreComponentCount);
            double sum = 0;
            int weighted = 0;
            for (int row = 0; row < model.rowCount(); ++row) {
                const double contribution =
                    model.index(row, ScoreBreakdownModel::Contribution).data(ScoreBreakdownModel::SortRole).toDouble();
                if (!std::isnan(contribution)) {
                    sum += contribution;
                    ++weighted;
                }
                if (const auto weight = model.weightOf(row))
                    QVERIFY(std::abs(*weight * c.scoreBreakdown.normalised[std::size_t(row)] - contribution) < 1e-9);
            }
            QVERIFY(weighted > 0);
            QVERIFY(std::abs(sum - c.score) < 1e-9);
        }
        model.setBreakdown(std::nullopt);
        QCOMPARE(model.rowCount(), 0);
    }

    void funnelMatchesTheReport()
    {
        FunnelModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(m_first);
        QCOMPARE(model.rowCount(), kScanStageCount);
        for (int row = 0; row < model.rowCount(); ++row) {
            const FunnelStage &stage = m_first->funnel.at(row);
            QCOMPARE(model.index(row, FunnelModel::In).data(FunnelModel::SortRole).toInt(), stage.symbolsIn);
            QCOMPARE(model.index(row, FunnelModel::Out).data(FunnelModel::SortRole).toInt(), stage.symbolsOut);
            QCOMPARE(model.index(row, FunnelModel::Out).data().toString(), QString::number(stage.symbolsOut));
            QCOMPARE(model.index(row, FunnelModel::Time).data(FunnelModel::SortRole).toDouble(), stage.cpuMs);
            QCOMPARE(model.index(row, FunnelModel::Left).data(FunnelModel::SortRole).toDouble(),
                     double(stage.symbolsOut) / m_first->symbolsTotal);
        }
        QCOMPARE(model.index(0, FunnelModel::In).data().toString(), QString::number(m_first->symbolsTotal));
        QCOMPARE(model.index(kScanStageCount - 1, FunnelModel::Out).data(FunnelModel::SortRole).toInt(),
                 m_first->candidates.size() + m_first->candidatesBeyondLimit);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setReport(m_second);
        QCOMPARE(resets.count(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

private:
    std::unique_ptr<test::ScanFixture> m_fixture;
    ScanReportPtr m_first;
    ScanReportPtr m_second;
};

QTEST_MAIN(TestCandidateTableModel)
#include "tst_candidatetablemodel.moc"
