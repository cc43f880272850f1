#pragma once

#include <QLocale>
#include <QString>

namespace bw {

// How the workstation writes numbers for people: the desktop tables and the headless status line share
// these so that a price or a volume reads the same everywhere. All take the locale to write in (the
// user's by default) so German users get decimal commas.
class NumberFormat final
{
public:
    // Decimals by magnitude, about six significant digits: 97,345.50, 12.3456, 0.00012345.
    static int priceDecimals(double price);
    static QString price(double price, const QLocale &locale = QLocale());

    // Compact magnitude for volumes and turnover: 950, 12.3 K, 345 M, 1.2 B, 3.4 T.
    static QString compact(double value, const QLocale &locale = QLocale());

    // An amount of money (USD, two decimals, grouped): 12,345.67, -5.00, 0.00.
    static QString money(double amount, const QLocale &locale = QLocale());
    // The same with a plus sign on gains, for PnL: +12.34, -5.00, 0.00.
    static QString signedMoney(double amount, const QLocale &locale = QLocale());

    // Signed percentage: +3.45 %, -0.12 %, 0.00 %.
    static QString signedPercent(double percent, int decimals = 2, const QLocale &locale = QLocale());

    // Memory sizes in binary units: 512 B, 12.3 KiB, 45.6 MiB, 1.2 GiB.
    static QString bytes(qint64 bytes, const QLocale &locale = QLocale());

    // A countdown or duration: 0:42, 4:05, 1:02:03 (never negative).
    static QString duration(qint64 ms);

    // A bar interval the way traders write it: 30s, 5m, 1h, 1d.
    static QString interval(qint64 ms);
};

} // namespace bw
