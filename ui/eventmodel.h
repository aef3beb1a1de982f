#pragma once

#include "events/event.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>

namespace Pop3Connector {

// The events shown in the Troubleshooting tab, newest first, at most 10,000.
class EventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Id, Severity, Category, Mailbox, Text, ColumnCount };
    static constexpr int kLimit = 10000;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const Pop3Connector::Event &event);
    void setEvents(const QList<Event> &events); // oldest first
    const Event &event(int row) const { return m_events[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void retranslate();

private:
    std::deque<Event> m_events; // newest first
};

// Filters by lowest severity, category and a text found in any column.
class EventFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(int severity); // -1: all
    void setCategory(int category); // -1: all
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    int m_severity = -1;
    int m_category = -1;
    QString m_text;
};

} // namespace Pop3Connector
