#include "eventmodel.h"

#include "language.h"

#include <QColor>
#include <QLocale>

namespace Pop3Connector {

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void EventModel::append(const Event &event)
{
    beginInsertRows({}, 0, 0);
    m_events.push_front(event);
    endInsertRows();
    if (m_events.size() > kLimit) {
        beginRemoveRows({}, kLimit, int(m_events.size()) - 1);
        m_events.resize(kLimit);
        endRemoveRows();
    }
}

void EventModel::setEvents(const QList<Event> &events)
{
    beginResetModel();
    m_events.clear();
    for (auto it = events.crbegin(); it != events.crend() && m_events.size() < kLimit; ++it)
        m_events.push_back(*it);
    endResetModel();
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Event &e = m_events[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return Language::dateTime(e.time);
        case Id:
            return int(e.id);
        case Severity:
            return displayName(e.severity);
        case Category:
            return displayName(e.category);
        case Mailbox:
            return e.mailbox;
        case Text:
            return e.displayText();
        }
    } else if (role == Qt::ForegroundRole && index.column() == Severity) {
        if (e.severity == Severity::Error)
            return QColor(Qt::darkRed);
        if (e.severity == Severity::Warning)
            return QColor(0x9a, 0x60, 0x00);
    } else if (role == Qt::UserRole) {
        return index.row();
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Id:
        return tr("Event");
    case Severity:
        return tr("Severity");
    case Category:
        return tr("Category");
    case Mailbox:
        return tr("Mailbox");
    case Text:
        return tr("Description");
    }
    return {};
}

void EventModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void EventFilter::setMinimumSeverity(int severity)
{
    m_severity = severity;
    invalidateFilter();
}

void EventFilter::setCategory(int category)
{
    m_category = category;
    invalidateFilter();
}

void EventFilter::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

bool EventFilter::filterAcceptsRow(int row, const QModelIndex &) const
{
    const auto *model = static_cast<const EventModel *>(sourceModel());
    const Event &e = model->event(row);
    if (m_severity >= 0 && int(e.severity) < m_severity)
        return false;
    if (m_category >= 0 && int(e.category) != m_category)
        return false;
    if (!m_text.isEmpty()) {
        const QString all = QString::number(int(e.id)) + u' ' + e.mailbox + u' ' + e.message + u' '
            + e.displayText();
        if (!all.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Pop3Connector
