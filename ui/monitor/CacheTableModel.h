#pragma once

#include "common/CacheRegistry.h"
#include "common/Clock.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace bw::ui {

// The occupancy of every registered bounded cache, one row per cache: size against capacity, hit rate,
// evictions, replacements, memory. refresh() updates the rows in place (dataChanged over each run of changed
// rows only, inserts and removes for caches that came or went), never a reset, so sorting, selection and
// scroll position survive the once-a-second refresh.
//
// A cache is shown under pressure (PressureRole, the warning colour) while it has evicted entries recently:
// evictions are entries pushed out for lack of room, so a cache that keeps evicting is smaller than what it
// is asked to hold. Being full is not pressure on its own (the scanner's caches are sized to the symbols a
// scan evaluates and are full by design), nor are replacements (a symbol's previous bar superseded by its
// next one).
class CacheTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Occupancy, HitRate, Evictions, Replacements, EstimatedBytes, Count };
    // Raw values for sorting: name, size/capacity share, hit rate share, evictions, replacements, bytes.
    static constexpr int SortRole = Qt::UserRole;
    // bool, same for every column of a row: evictions rose within kPressureWindowMs.
    static constexpr int PressureRole = Qt::UserRole + 1;
    // Longer than the longest scan interval of the shipped presets (240 s): a cache short of room at every
    // scan stays marked between scans instead of blinking for a second after each one.
    static constexpr qint64 kPressureWindowMs = 5 * 60'000;

    explicit CacheTableModel(QObject *parent = nullptr, const bw::Clock &clock = bw::SystemClock::instance());

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Takes the registry's current figures (CacheRegistry::instance().stats()).
    void refresh(const QList<bw::CacheStats> &stats);
    const CacheStats &statsAt(int row) const { return m_rows.at(row); }
    bool isUnderPressure(int row) const { return m_pressure.at(row).underPressure; }

private:
    // Per row: when its evictions last rose, as this model saw it (counts are since the cache's creation,
    // so only a rise between two refreshes says anything about now).
    struct Pressure {
        qint64 lastRiseMs = -1; // -1: not seen rising
        bool underPressure = false;
    };

    static double occupancy(const CacheStats &stats);
    static QString rowKey(const QString &name, int occurrence);
    static Pressure nextPressure(const Pressure &before, const CacheStats &was, const CacheStats &now, qint64 nowMs);
    static QString pressureText();

    const Clock &m_clock;
    QList<CacheStats> m_rows;
    QList<Pressure> m_pressure; // parallel to m_rows
    QStringList m_keys;         // per row: the name, and its occurrence among caches of that name
};

} // namespace bw::ui
