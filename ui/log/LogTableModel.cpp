#include "log/LogTableModel.h"

#include "common/Theme.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace bw::ui {

LogTableModel::LogTableModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

int LogTableModel::severity(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
    case QtFatalMsg:
        return 3;
    }
    return 1;
}

QString LogTableModel::levelName(QtMsgType level)
{
    switch (severity(level)) {
    case 0:
        return tr("Debug");
    case 2:
        return tr("Warning");
    case 3:
        return tr("Error");
    default:
        return tr("Info");
    }
}

void LogTableModel::append(const QList<LogLine> &lines)
{
    if (lines.isEmpty())
        return;
    // A batch larger than the whole ring only keeps its newest lines.
    const qsizetype skip = std::max<qsizetype>(0, lines.size() - m_capacity);
    const int incoming = static_cast<int>(lines.size() - skip);
    const int held = static_cast<int>(m_lines.size());
    const int overflow = std::max(0, held + incoming - m_capacity);
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_lines.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (qsizetype i = skip; i < lines.size(); ++i)
        m_lines.push_back(lines.at(i));
    endInsertRows();
}

void LogTableModel::clear()
{
    if (m_lines.empty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_lines.size()) - 1);
    m_lines.clear();
    endRemoveRows();
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogLine &line = lineAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(line.timeMs, QTimeZone::utc())
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case Level:
            return levelName(line.level);
        case Category:
            return line.category;
        case Message:
            return line.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QDateTime::fromMSecsSinceEpoch(line.timeMs, QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
        if (index.column() == Message)
            return line.message;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Level || index.column() == Message) {
            switch (severity(line.level)) {
            case 0:
                return Theme::neutral();
            case 2:
                // The theme's amber is made for dark backgrounds; on white a darker one stays readable.
                return Theme::current() == ThemeMode::Dark ? Theme::warning() : QColor(0xa8, 0x62, 0x00);
            case 3:
                return Theme::critical();
            default:
                return {};
            }
        }
        if (index.column() == Time || index.column() == Category)
            return Theme::neutral();
        return {};
    case SeverityRole:
        return severity(line.level);
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Level:
        return tr("Level");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace bw::ui
