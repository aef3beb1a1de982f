#pragma once

#include "spool/spoolbrowser.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace Pop3Connector {

// The spool as a view needs it, from a worker thread: the four folders are watched and listed
// again (debounced) when they change, message summaries are read for the rows a view asks for,
// and an administrator's actions (requeue, export, delete, send to the undeliverable mailbox)
// run here, one after another. A folder of 50,000 files is never listed on the UI thread.
class SpoolMonitor : public QObject
{
    Q_OBJECT
public:
    // `requestedBy` names who asks for the actions, for their events (SpoolBrowser::reportTo).
    explicit SpoolMonitor(
        const Spool &spool, const QString &requestedBy = {}, QObject *parent = nullptr);

    // Call these through queued invocations from other threads.
    void start();
    void refresh();
    void requestSummaries(Pop3Connector::SpoolFolder folder, const QStringList &names);
    void requestPreview(Pop3Connector::SpoolFolder folder, const QString &name);

    enum class Action { Requeue, Export, Delete, SendToUndeliverable };
    // `argument`: the destination file of Export, the address of SendToUndeliverable.
    void perform(Pop3Connector::SpoolMonitor::Action action, Pop3Connector::SpoolFolder folder,
        const QStringList &names, const QString &argument);

Q_SIGNALS:
    void folderListed(Pop3Connector::SpoolFolder folder, const QStringList &names);
    void summariesLoaded(
        Pop3Connector::SpoolFolder folder, const QList<Pop3Connector::MessageSummary> &summaries);
    void previewLoaded(Pop3Connector::SpoolFolder folder, const QString &name, const QString &text);
    // `errors` is empty when every message was handled.
    void actionFinished(Pop3Connector::SpoolMonitor::Action action,
        Pop3Connector::SpoolFolder folder, const QStringList &names, const QStringList &errors);
    // What an action did, for the event log (events 1060 to 1063).
    void eventRaised(const Pop3Connector::Event &event);

private:
    void onDirectoryChanged(const QString &path);
    void listDirty();

    Spool m_spool;
    SpoolBrowser m_browser;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_debounce;
    QSet<SpoolFolder> m_dirty;
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::SpoolFolder)
Q_DECLARE_METATYPE(Pop3Connector::MessageSummary)
Q_DECLARE_METATYPE(Pop3Connector::SpoolMonitor::Action)
