#pragma once

#include "spool/spoolmonitor.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace Pop3Connector {

// One spool folder as a table. The names come from the SpoolMonitor's listings; the summaries
// (from, subject ...) are asked for only for the rows a view shows, a page at a time, and read
// on the monitor's thread: a folder of 50,000 messages opens at once.
class SpoolModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, From, To, Subject, Date, Size, Reason, ColumnCount };

    SpoolModel(SpoolMonitor *monitor, QObject *parent = nullptr);

    void setFolder(SpoolFolder folder);
    SpoolFolder folder() const { return m_folder; }
    QString name(int row) const { return m_names.value(row); }
    const MessageSummary *summary(int row) const;
    int count(SpoolFolder folder) const { return m_counts.value(folder); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void countsChanged();
    // The visible folder was listed again (rows may have come or gone).
    void listed();

private:
    void onListed(SpoolFolder folder, const QStringList &names);
    void onSummaries(SpoolFolder folder, const QList<MessageSummary> &summaries);
    void requestMissing();

    SpoolMonitor *m_monitor;
    SpoolFolder m_folder = SpoolFolder::Incoming;
    QHash<SpoolFolder, QStringList> m_listings;
    QHash<SpoolFolder, int> m_counts;
    QStringList m_names;
    QHash<QString, MessageSummary> m_summaries;
    mutable QSet<QString> m_wanted; // asked for by data(), not yet requested
    QSet<QString> m_requested;
    QTimer m_flush;
};

} // namespace Pop3Connector
