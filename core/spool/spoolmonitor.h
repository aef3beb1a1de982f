#pragma once

#include "spool/spoolbrowser.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace Pop3Connector {

// The spool's folders watched from a worker thread and listed again (debounced) when they
// change, for the service's `spool` notifications. A folder of 50,000 files is never listed on
// the thread that answers the control channel.
class SpoolMonitor : public QObject
{
    Q_OBJECT
public:
    explicit SpoolMonitor(const Spool &spool, QObject *parent = nullptr);

    // Call these through queued invocations from other threads.
    void start();
    void refresh();

Q_SIGNALS:
    void folderListed(Pop3Connector::SpoolFolder folder, const QStringList &names);

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
