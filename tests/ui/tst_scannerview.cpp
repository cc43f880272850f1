#include "ScanFixture.h"
#include "app/WorkstationSession.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "scanner/CandidateTableModel.h"
#include "scanner/CandleChartView.h"
#include "scanner/FilterTableModel.h"
#include "scanner/FunnelModel.h"
#include "scanner/FunnelPanel.h"
#include "scanner/ScanFormat.h"
#include "scanner/ScannerView.h"
#include "scanner/ScoreBreakdownModel.h"
#include "scanner/SymbolDetailPanel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QtCharts/QCandlestickSeries>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

// A test double of the views' interface: it publishes reports from a real scan and answers candle
// requests from the fixture's market store, asynchronously like the real sessions.
class FixtureSession final : public WorkstationSession
{
public:
    explicit FixtureSession(test::ScanFixture &fixture)
        : m_fixture(fixture)
    {}

    QString sourceName() const override { return u"Seeded simulated market"_s; }
    bool isRemote() const override { return false; }
    bool canControl() const override { return true; }
    QStringList presetNames() const override { return {m_fixture.preset().name}; }
    QString activePreset() const override { return m_fixture.preset().name; }
    void startEngine() override {}
    void pauseEngine() override {}
    void resumeEngine() override {}
    void stopEngine() override {}
    void scanNow() override { emit scanFinished(m_fixture.scan()); }
    void selectPreset(const QString &) override {}
    void exportSnapshot() override {}
    void selectSource(const FeedOptions &) override { emit sourceChanged(sourceName()); }
    void requestCandles(const QString &symbol, int count) override
    {
        requests.append(symbol);
        const QList<Candle> candles = m_fixture.candles(symbol, count);
        QMetaObject::invokeMethod(
            this, [this, symbol, candles] { emit candlesReady(symbol, candles); }, Qt::QueuedConnection);
    }

    QStringList requests;

private:
    test::ScanFixture &m_fixture;
};

QString cellSymbol(const QTableView *table, int row)
{
    return table->model()->index(row, CandidateTableModel::Symbol).data().toString();
}

} // namespace

// The Scanner page on reports from a real Scanner over a seeded simulated market.
class TestScannerView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QCoreApplication::setApplicationName(u"tst_scannerview"_s);
        QSettings().clear();
        m_fixture = std::make_unique<test::ScanFixture>();
        m_first = m_fixture->scan();
        QVERIFY(m_first);
        m_fixture->advance(3);
        m_second = m_fixture->scan();
        QVERIFY(m_second);
        QVERIFY(m_first->candidates.size() >= 5 && m_first->rejections.size() >= 5);
    }

    void showsTheReportAndSelectsTheBestCandidate()
    {
        ScannerView view;
        view.resize(1400, 900);
        QAbstractItemModelTester tester(view.viewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy selected(&view, &ScannerView::symbolSelected);
        view.showReport(m_first);
        QCOMPARE(view.table()->model()->rowCount(), m_first->candidates.size() + m_first->rejections.size());
        // Default order: by rank, candidates first.
        QCOMPARE(cellSymbol(view.table(), 0), m_first->candidates.at(0).symbol);
        QCOMPARE(cellSymbol(view.table(), 1), m_first->candidates.at(1).symbol);
        QCOMPARE(view.selectedSymbol(), m_first->candidates.at(0).symbol);
        QCOMPARE(selected.count(), 1);
        QVERIFY(view.detail()->headline().contains(m_first->candidates.at(0).symbol));
        QCOMPARE(view.detail()->scoreModel()->rowCount(), kScoreComponentCount);
        QCOMPARE(view.detail()->filterModel()->rowCount(), m_first->candidates.at(0).filters.size());
        QVERIFY2(view.summaryText().contains(u"Candidates: %1"_s.arg(m_first->candidates.size())),
                 qPrintable(view.summaryText()));

        // Selecting a rejected symbol shows why it was rejected, and no score.
        const Rejection &rejected = m_first->rejections.first();
        view.selectSymbol(rejected.symbol);
        QCOMPARE(view.selectedSymbol(), rejected.symbol);
        QVERIFY(view.detail()->headline().contains(u"rejected at"_s));
        QVERIFY(view.detail()->headline().contains(rejected.reason.toHtmlEscaped()));
        QCOMPARE(view.detail()->scoreModel()->rowCount(), 0);
        QCOMPARE(view.detail()->filterModel()->rowCount(), rejected.filters.size());
    }

    void chartShowsCandlesVolumeAndLevels()
    {
        ScannerView view;
        view.showReport(m_first);
        // The first candidate with levels of both kinds, if any; else any with levels.
        const Candidate *withLevels = nullptr;
        for (const Candidate &c : m_first->candidates) {
            if (!c.levels.isEmpty() && (!withLevels || c.levels.size() > withLevels->levels.size()))
                withLevels = &c;
        }
        QVERIFY(withLevels);
        view.selectSymbol(withLevels->symbol);
        CandleChartView *chart = view.detail()->chart();
        QCOMPARE(chart->candleCount(), 0); // nothing until the candles arrive

        const QList<Candle> candles = m_fixture->candles(withLevels->symbol, ScannerView::kCandleCount);
        QCOMPARE(candles.size(), ScannerView::kCandleCount);
        // A late answer for another symbol is ignored.
        view.showCandles(m_first->rejections.first().symbol, candles);
        QCOMPARE(chart->candleCount(), 0);

        view.showCandles(withLevels->symbol, candles);
        QVERIFY(chart->candleSeries());
        QCOMPARE(chart->candleSeries()->count(), candles.size());
        QCOMPARE(chart->volumeSeries()->count(), 2); // up and down volume
        QCOMPARE(chart->levelSeries().size(), withLevels->levels.size());
        int supports = 0;
        for (int i = 0; i < withLevels->levels.size(); ++i) {
            const Level &level = withLevels->levels.at(i);
            QLineSeries *line = chart->levelSeries().at(i);
            QCOMPARE(line->count(), 2);
            QCOMPARE(line->at(0).y(), level.price);
            QCOMPARE(line->at(1).y(), level.price);
            const QColor expected = level.type == LevelType::Support ? Theme::up() : Theme::down();
            QCOMPARE(line->pen().color().rgb(), expected.rgb());
            supports += level.type == LevelType::Support;
        }
        Q_UNUSED(supports);
        // Every series is drawn on the chart.
        const QList<QAbstractSeries *> series = chart->chart()->series();
        QCOMPARE(series.size(), 2 + withLevels->levels.size());
        QVERIFY(chart->chart()->title().contains(withLevels->symbol));

        // Another symbol: the chart waits for its candles instead of showing the old ones.
        view.selectSymbol(m_first->candidates.at(0).symbol == withLevels->symbol ? m_first->candidates.at(1).symbol
                                                                                 : m_first->candidates.at(0).symbol);
        QCOMPARE(chart->candleCount(), 0);
        QVERIFY(chart->chart()->series().isEmpty());
    }

    // "All symbols": a rejected row shows what the scanner had measured before rejecting it (blank for what it
    // never measured), and a symbol scored beyond max_candidates shows its score and its levels on the chart.
    void rejectedRowsShowWhatWasMeasured()
    {
        test::ScanFixture fixture(60, 11);
        fixture.setLimits(4, 50);
        const ScanReportPtr report = fixture.scan();
        QVERIFY(report);
        const Rejection *liquidity = nullptr;
        const Rejection *top = nullptr;
        const Rejection *beyond = nullptr;
        for (const Rejection &r : report->rejections) {
            if (r.stage == ScanStage::Liquidity && !liquidity)
                liquidity = &r;
            if (r.stage == ScanStage::TopVolume && !top)
                top = &r;
            if (r.stage == ScanStage::Scoring && !r.levels.isEmpty() && !beyond)
                beyond = &r;
        }
        QVERIFY(liquidity && top && beyond);

        ScannerView view;
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QAbstractItemModelTester tester(view.viewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showReport(report);
        QCOMPARE(view.table()->model()->rowCount(), report->candidates.size() + report->rejections.size());
        const CandidateTableModel *model = view.model();
        const QLocale locale;
        auto cell = [&](const Rejection *r, int column) {
            return model->index(model->rowOf(r->symbol), column).data().toString();
        };

        // Rejected by liquidity: its price, 24 h volume, ATR, band width and surges, though only the liquidity
        // filters ran; no score, no levels.
        const RejectionMeasures &m = liquidity->measured;
        QVERIFY(m.price > 0 && !std::isnan(m.atr15m) && !std::isnan(m.volumeSurge1h));
        QCOMPARE(cell(liquidity, CandidateTableModel::Price), NumberFormat::price(m.price, locale));
        QCOMPARE(cell(liquidity, CandidateTableModel::Volume24h), NumberFormat::compact(m.quoteVolume24h, locale));
        QCOMPARE(cell(liquidity, CandidateTableModel::AtrPercent), ScanFormat::percent(m.atrPercent(), 2, locale));
        QCOMPARE(cell(liquidity, CandidateTableModel::Surges),
                 ScanFormat::surge(m.volumeSurge1h, locale) + u" / "_s + ScanFormat::surge(m.volumeSurge5m, locale));
        QCOMPARE(cell(liquidity, CandidateTableModel::BandWidthPercentile),
                 locale.toString(m.bbWidthPercentile, 'f', 0));
        QCOMPARE(cell(liquidity, CandidateTableModel::Score), QString());
        QCOMPARE(cell(liquidity, CandidateTableModel::Levels), QString());
        QVERIFY(cell(liquidity, CandidateTableModel::Status).contains(liquidity->reason));

        // Cut by the top-volume stage: only its 24 h volume; the rest blank, not zero.
        QCOMPARE(cell(top, CandidateTableModel::Volume24h),
                 NumberFormat::compact(top->measured.quoteVolume24h, locale));
        for (const int column : {CandidateTableModel::Price, CandidateTableModel::AtrPercent,
                                 CandidateTableModel::Surges, CandidateTableModel::BtcCorrelation})
            QCOMPARE(cell(top, column), QString());

        // Scored beyond max_candidates: its score and the distance to its nearest levels.
        QCOMPARE(cell(beyond, CandidateTableModel::Score), locale.toString(beyond->scoreBreakdown->total, 'f', 2));
        QVERIFY(!cell(beyond, CandidateTableModel::Levels).isEmpty());
        QVERIFY(cell(beyond, CandidateTableModel::Status).contains(u"max_candidates 4"_s));

        // Selected, it shows its score, its price and, once the candles come, its levels on the chart.
        view.selectSymbol(beyond->symbol);
        QVERIFY(view.detail()->headline().contains(u"rejected at"_s));
        QVERIFY2(view.detail()->headline().contains(NumberFormat::price(beyond->measured.price, locale)),
                 qPrintable(view.detail()->headline()));
        QCOMPARE(view.detail()->scoreModel()->rowCount(), kScoreComponentCount);
        QCOMPARE(view.detail()->tabs()->currentIndex(), SymbolDetailPanel::kScoreTab);
        CandleChartView *chart = view.detail()->chart();
        view.showCandles(beyond->symbol, fixture.candles(beyond->symbol, ScannerView::kCandleCount));
        QCOMPARE(chart->candleCount(), ScannerView::kCandleCount);
        QCOMPARE(chart->levelSeries().size(), beyond->levels.size());
        for (int i = 0; i < beyond->levels.size(); ++i)
            QCOMPARE(chart->levelSeries().at(i)->at(0).y(), beyond->levels.at(i).price);

        // A symbol rejected before any level was computed draws none.
        view.selectSymbol(liquidity->symbol);
        view.showCandles(liquidity->symbol, fixture.candles(liquidity->symbol, ScannerView::kCandleCount));
        QCOMPARE(chart->candleCount(), ScannerView::kCandleCount);
        QVERIFY(chart->levelSeries().isEmpty());
        QVERIFY(view.detail()->headline().contains(NumberFormat::price(liquidity->measured.price, locale)));
    }

    void followsTheTheme()
    {
        Theme::apply(ThemeMode::Dark);
        ScannerView view;
        view.resize(1280, 780);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showReport(m_first);
        const QString symbol = view.selectedSymbol();
        view.showCandles(symbol, m_fixture->candles(symbol, ScannerView::kCandleCount));
        CandleChartView *chart = view.detail()->chart();
        const QColor darkUp = Theme::up();
        QCOMPARE(chart->candleSeries()->increasingColor(), darkUp);

        Theme::apply(ThemeMode::Light);
        QCOMPARE(Theme::current(), ThemeMode::Light);
        QVERIFY(Theme::up() != darkUp);
        // The palette change reaches the widgets through the event loop.
        QTRY_COMPARE(chart->candleSeries()->increasingColor(), Theme::up());
        QCOMPARE(chart->candleCount(), ScannerView::kCandleCount);
        QCOMPARE(chart->chart()->backgroundBrush().color(), Theme::palette(ThemeMode::Light).color(QPalette::Base));
        QVERIFY(view.detail()->headline().contains(Theme::up().name()));
        Theme::apply(ThemeMode::Dark);
        QTRY_COMPARE(chart->candleSeries()->increasingColor(), darkUp);
    }

    void selectionSurvivesNewReports()
    {
        ScannerView view;
        view.showReport(m_first);
        // A symbol that is in both reports, not the top one.
        QString symbol;
        for (int i = 2; i < m_first->candidates.size() && symbol.isEmpty(); ++i) {
            const QString s = m_first->candidates.at(i).symbol;
            for (const Candidate &c : m_second->candidates)
                if (c.symbol == s)
                    symbol = s;
        }
        QVERIFY(!symbol.isEmpty());
        view.selectSymbol(symbol);
        const QList<Candle> candles = m_fixture->candles(symbol, ScannerView::kCandleCount);
        view.showCandles(symbol, candles);
        QSignalSpy selected(&view, &ScannerView::symbolSelected);
        QSignalSpy resets(view.model(), &QAbstractItemModel::modelReset);

        view.showReport(m_second);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(view.selectedSymbol(), symbol);
        QCOMPARE(selected.count(), 0);
        QCOMPARE(cellSymbol(view.table(), view.table()->currentIndex().row()), symbol);
        QVERIFY(view.table()->selectionModel()->isRowSelected(view.table()->currentIndex().row(), {}));
        // The detail shows the new report's numbers and keeps the chart until fresh candles come.
        int rank = 0;
        for (const Candidate &c : m_second->candidates)
            if (c.symbol == symbol)
                rank = c.rank;
        QVERIFY(view.detail()->headline().contains(u"#%1"_s.arg(rank)));
        QCOMPARE(view.detail()->chart()->candleCount(), candles.size());
    }

    void candidatesOnlyToggleAndTextFilter()
    {
        ScannerView view;
        view.showReport(m_first);
        auto *candidatesOnly = view.findChild<QPushButton *>(u"candidatesOnlyButton"_s);
        auto *all = view.findChild<QPushButton *>(u"allSymbolsButton"_s);
        QVERIFY(candidatesOnly && all);
        QVERIFY(all->isChecked());
        QTest::mouseClick(candidatesOnly, Qt::LeftButton);
        QVERIFY(view.candidatesOnly());
        QCOMPARE(view.table()->model()->rowCount(), m_first->candidates.size());
        QTest::mouseClick(all, Qt::LeftButton);
        QCOMPARE(view.table()->model()->rowCount(), m_first->candidates.size() + m_first->rejections.size());

        auto *filter = view.findChild<QLineEdit *>(u"symbolFilter"_s);
        QVERIFY(filter);
        const QString symbol = m_first->rejections.first().symbol;
        QTest::keyClicks(filter, symbol.toLower());
        QCOMPARE(view.table()->model()->rowCount(), 1);
        QCOMPARE(cellSymbol(view.table(), 0), symbol);
        filter->clear();
        QCOMPARE(view.table()->model()->rowCount(), view.model()->rowCount());
    }

    void funnelPanelMatchesTheReport()
    {
        ScannerView view;
        view.showReport(m_first);
        FunnelModel *funnel = view.funnel()->model();
        QCOMPARE(funnel->rowCount(), m_first->funnel.size());
        for (int row = 0; row < funnel->rowCount(); ++row) {
            QCOMPARE(funnel->index(row, FunnelModel::In).data().toString(),
                     QString::number(m_first->funnel.at(row).symbolsIn));
            QCOMPARE(funnel->index(row, FunnelModel::Out).data().toString(),
                     QString::number(m_first->funnel.at(row).symbolsOut));
        }
        const QString summary = view.funnel()->summaryText();
        QVERIFY2(summary.contains(u"batches: %1 of up to %2"_s.arg(m_first->batches).arg(m_first->batchSize)),
                 qPrintable(summary));
        QVERIFY2(summary.contains(u"Threads: %1,"_s.arg(m_first->threads)), qPrintable(summary));
        QVERIFY(summary.contains(u"normal"_s));
        QVERIFY(summary.contains(m_first->presetName));
    }

    void followsASession()
    {
        FixtureSession session(*m_fixture);
        ScannerView view;
        view.setSession(&session);
        session.scanNow();
        QVERIFY(view.model()->rowCount() > 0);
        const QString best = view.selectedSymbol();
        QVERIFY(!best.isEmpty());
        QCOMPARE(session.requests.value(0), best);
        // The candles arrive asynchronously and fill the chart.
        QTRY_COMPARE(view.detail()->chart()->candleCount(), ScannerView::kCandleCount);

        // A new data source: everything shown is stale.
        session.selectSource(FeedOptions{});
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.selectedSymbol().isEmpty());
        QCOMPARE(view.detail()->chart()->candleCount(), 0);
        QCOMPARE(view.funnel()->model()->rowCount(), 0);

        view.setSession(nullptr);
        session.scanNow();
        QCOMPARE(view.model()->rowCount(), 0);
    }

    // A fast market finishes scans faster than a person can read them: the page shows the first report at
    // once, skips the ones in between, and shows the newest once the refresh interval has passed.
    void coalescesAFastSessionsReports()
    {
        FixtureSession session(*m_fixture);
        ScannerView view;
        view.resize(1280, 780);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSession(&session);
        QSignalSpy reports(&session, &WorkstationSession::scanFinished);
        for (int i = 0; i < 5; ++i)
            session.scanNow();
        const auto scanIdOf = [](const QVariant &report) { return report.value<ScanReportPtr>()->scanId; };
        const quint64 first = scanIdOf(reports.at(0).at(0));
        const quint64 last = scanIdOf(reports.at(4).at(0));
        QVERIFY(first != last);
        const auto shows = [&view](quint64 id) {
            return view.funnel()->summaryText().contains(u"Scan %1 "_s.arg(QLocale().toString(id)));
        };
        QVERIFY2(shows(first), qPrintable(view.funnel()->summaryText()));
        QTRY_VERIFY2(shows(last), qPrintable(view.funnel()->summaryText()));
    }

    void remembersLayout()
    {
        QList<int> sizes;
        {
            ScannerView view;
            view.resize(1400, 900);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto *splitter = view.findChild<QSplitter *>(u"scannerSplitter"_s);
            QVERIFY(splitter);
            splitter->setSizes({500, 880});
            sizes = splitter->sizes();
            view.table()->horizontalHeader()->resizeSection(CandidateTableModel::Symbol, 177);
            view.setCandidatesOnly(true);
        }
        QSettings settings;
        QVERIFY(settings.contains(u"scannerView/splitter"_s));
        ScannerView view;
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findChild<QSplitter *>(u"scannerSplitter"_s)->sizes(), sizes);
        QCOMPARE(view.table()->horizontalHeader()->sectionSize(CandidateTableModel::Symbol), 177);
        QVERIFY(view.candidatesOnly());
        view.setCandidatesOnly(false);
    }

    // Writes docs-ready screenshots when BW_SCREENSHOT_DIR names a folder (run under Xvfb).
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("BW_SCREENSHOT_DIR not set");
        QSettings().remove(u"scannerView"_s);
        for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
            Theme::apply(mode);
            ScannerView view;
            view.resize(1280, 780);
            view.showReport(m_second);
            const Candidate *best = &m_second->candidates.first();
            for (const Candidate &c : m_second->candidates)
                if (c.levels.size() >= 3 && c.rank < best->rank + 5) {
                    best = &c;
                    break;
                }
            view.selectSymbol(best->symbol);
            view.showCandles(best->symbol, m_fixture->candles(best->symbol, ScannerView::kCandleCount));
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QTest::qWait(200); // let the chart lay out before grabbing
            const QString name = mode == ThemeMode::Dark ? u"scanner.png"_s : u"scanner-light.png"_s;
            QVERIFY(view.grab().save(QDir(dir).filePath(name)));
        }
    }

private:
    std::unique_ptr<test::ScanFixture> m_fixture;
    ScanReportPtr m_first;
    ScanReportPtr m_second;
};

QTEST_MAIN(TestScannerView)
#include "tst_scannerview.moc"
