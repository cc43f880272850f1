#include "indicators/Donchian.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

Donchian::Donchian(int period)
    : m_period(requirePositive("Donchian", "period", period))
    , m_highs(static_cast<std::size_t>(period))
    , m_lows(static_cast<std::size_t>(period))
{}

void Donchian::reset()
{
    m_count = 0;
    m_highs.clear();
    m_lows.clear();
}

void Donchian::update(double high, double low)
{
    if (!std::isfinite(high) || !std::isfinite(low))
        return;
    m_highs.push(m_count, high);
    m_lows.push(m_count, low);
    ++m_count;
}

double Donchian::upper() const
{
    return isReady() ? m_highs.extreme() : kNaN;
}

double Donchian::lower() const
{
    return isReady() ? m_lows.extreme() : kNaN;
}

double Donchian::middle() const
{
    return isReady() ? (m_highs.extreme() + m_lows.extreme()) * 0.5 : kNaN;
}

} // namespace bw
