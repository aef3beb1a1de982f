#pragma once

#include "spool/spoolbrowser.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>

namespace Pop3Connector {

class ServiceController;

// One spool folder as a table, listed by the service (spoolList, a page of summaries at a
// time) and listed again when the service says the folder changed.
class SpoolModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, From, To, Subject, Date, Size, Reason, Mailbox, Name, ColumnCount };
    // A cell's value to sort by: times and sizes as themselves, not as their words.
    static constexpr int SortRole = Qt::UserRole;

    explicit SpoolModel(ServiceController *service, QObject *parent = nullptr);

    void setFolder(SpoolFolder folder);
    SpoolFolder folder() const { return m_folder; }
    QString name(int row) const { return m_messages.value(row).name; }
    const MessageSummary *summary(int row) const;
    int count(SpoolFolder folder) const;
    // Lists the folder again (at once, and not twice within a moment).
    void relist();
    // While nobody looks (another tab is shown), a changed folder is listed again only when
    // somebody does: a cycle of thousands of messages costs the window nothing.
    void setActive(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void countsChanged();
    // The visible folder was listed again (rows may have come or gone).
    void listed();

private:
    void list();
    void requestPage(
        quint64 generation, SpoolFolder folder, int offset, QList<MessageSummary> sofar);
    void listingEnded();
    // The rows become `next`: rows gone removed, new ones inserted, changed ones updated.
    void update(QList<MessageSummary> next);

    ServiceController *m_service;
    SpoolFolder m_folder = SpoolFolder::Incoming;
    QList<MessageSummary> m_messages;
    quint64 m_generation = 0; // a listing of an older request is dropped
    bool m_active = false; // the tab shows it
    bool m_stale = true; // changed while inactive, or never listed
    QTimer m_relist;
    QElapsedTimer m_listing; // valid while a listing is under way
    bool m_changedWhileListing = false;
};

} // namespace Pop3Connector
