#include "market/MarketMetaTypes.h"

#include "market/MarketTypes.h"

#include <QList>
#include <QMetaType>

namespace bw {

void registerMarketMetaTypes()
{
    // Function-local static: initialised exactly once, even with several threads calling.
    static const bool registered = [] {
        qRegisterMetaType<bw::SymbolInfo>();
        qRegisterMetaType<QList<bw::SymbolInfo>>();
        qRegisterMetaType<bw::MarketUpdateBatch>();
        qRegisterMetaType<bw::MarketOverview>();
        qRegisterMetaType<QList<int>>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace bw
