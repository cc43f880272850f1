#include "common/NumberFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace bw {

int NumberFormat::priceDecimals(double price)
{
    const double magnitude = std::fabs(price);
    if (!(magnitude > 0) || !std::isfinite(magnitude))
        return 2;
    const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    return std::clamp(5 - exponent, 2, 8);
}

QString NumberFormat::price(double price, const QLocale &locale)
{
    if (!std::isfinite(price))
        return QStringLiteral("–");
    return locale.toString(price, 'f', priceDecimals(price));
}

QString NumberFormat::compact(double value, const QLocale &locale)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    // The suffixes are translatable: German writes "Mio." and "Mrd." where English writes M and B.
    struct Unit {
        double scale;
        const char *text;
    };
    static const std::array<Unit, 4> units{{
        {1e12, QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 T")},
        {1e9, QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 B")},
        {1e6, QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 M")},
        {1e3, QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 K")},
    }};
    const double magnitude = std::fabs(value);
    for (const Unit &unit : units) {
        // Round first so that 999,960 reads "1.0 M", not "1,000.0 K".
        const double scaled = magnitude / unit.scale;
        if (scaled >= 0.9995) {
            const int decimals = scaled >= 99.95 ? 0 : 1;
            return QCoreApplication::translate("bw::NumberFormat", unit.text)
                .arg(locale.toString(value / unit.scale, 'f', decimals));
        }
    }
    return locale.toString(value, 'f', 0);
}

QString NumberFormat::money(double amount, const QLocale &locale)
{
    if (!std::isfinite(amount))
        return QStringLiteral("–");
    // A loss that rounds to zero reads "0.00", not "-0.00".
    return locale.toString(std::fabs(amount) < 0.005 ? 0.0 : amount, 'f', 2);
}

QString NumberFormat::signedMoney(double amount, const QLocale &locale)
{
    QString text = money(amount, locale);
    if (std::isfinite(amount) && amount >= 0.005)
        text.prepend(locale.positiveSign());
    return text;
}

QString NumberFormat::signedPercent(double percent, int decimals, const QLocale &locale)
{
    if (!std::isfinite(percent))
        return QStringLiteral("–");
    // A value that rounds to zero carries no sign ("-0.00 %" would look like a loss).
    const bool roundsToZero = std::fabs(percent) < 0.5 * std::pow(10.0, -decimals);
    QString text = locale.toString(roundsToZero ? 0.0 : percent, 'f', decimals);
    if (!roundsToZero && percent > 0)
        text.prepend(locale.positiveSign());
    return QCoreApplication::translate("bw::NumberFormat", "%1 %").arg(text);
}

QString NumberFormat::bytes(qint64 bytes, const QLocale &locale)
{
    static const std::array<const char *, 4> units{{
        QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 KiB"),
        QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 MiB"),
        QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 GiB"),
        QT_TRANSLATE_NOOP("bw::NumberFormat", "%1 TiB"),
    }};
    if (bytes < 1024)
        return QCoreApplication::translate("bw::NumberFormat", "%1 B", "bytes").arg(bytes);
    double value = static_cast<double>(bytes);
    for (const char *unit : units) {
        value /= 1024.0;
        if (value < 1023.95 || unit == units.back())
            return QCoreApplication::translate("bw::NumberFormat", unit)
                .arg(locale.toString(value, 'f', value >= 99.95 ? 0 : 1));
    }
    return {};
}

QString NumberFormat::duration(qint64 ms)
{
    const qint64 totalSeconds = std::max<qint64>(0, (ms + 999) / 1000);
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    const QLatin1Char zero('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(seconds, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, zero);
}

QString NumberFormat::interval(qint64 ms)
{
    if (ms > 0 && ms % 86'400'000 == 0)
        return QStringLiteral("%1d").arg(ms / 86'400'000);
    if (ms > 0 && ms % 3'600'000 == 0)
        return QStringLiteral("%1h").arg(ms / 3'600'000);
    if (ms > 0 && ms % 60'000 == 0)
        return QStringLiteral("%1m").arg(ms / 60'000);
    if (ms > 0 && ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

} // namespace bw
