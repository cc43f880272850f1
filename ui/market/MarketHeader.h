#pragma once

#include "market/MarketTypes.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace bw::ui {

// The strip above the market table: market time (UTC), the forming bar and the time to its close,
// market breadth and, while history loads, the backfill progress. Caption over value, like the quote
// boards traders are used to.
class MarketHeader final : public QWidget
{
    Q_OBJECT

public:
    explicit MarketHeader(QWidget *parent = nullptr);

    void showOverview(const bw::MarketOverview &overview);
    // Re-applies the theme's colours after a palette change.
    void refreshColours();

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addTile(const QString &captionText, const QString &objectName);

    QLabel *m_marketTime = nullptr;
    QLabel *m_bar = nullptr;
    QLabel *m_barCaption = nullptr;
    QLabel *m_closesIn = nullptr;
    QLabel *m_breadth = nullptr;
    QWidget *m_backfill = nullptr;
    QProgressBar *m_backfillBar = nullptr;
    int m_advancing = 0;
    int m_declining = 0;
};

} // namespace bw::ui
