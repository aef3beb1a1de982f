#include "spool/spoolmonitor.h"

namespace Pop3Connector {

namespace {
// Folders change many times a second while mail flows; listing that often helps nobody.
constexpr int kDebounceMs = 300;
} // namespace

SpoolMonitor::SpoolMonitor(const Spool &spool, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_browser(spool)
    , m_debounce(this) // a child, so that it moves to the monitor's thread
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SpoolMonitor::listDirty);
}

void SpoolMonitor::start()
{
    (void)m_spool.prepare(); // the folders exist to be watched, even before the first cycle
    m_watcher = new QFileSystemWatcher(this);
    for (SpoolFolder f : Spool::folders())
        m_watcher->addPath(m_spool.folderPath(f));
    connect(
        m_watcher, &QFileSystemWatcher::directoryChanged, this, &SpoolMonitor::onDirectoryChanged);
    refresh();
}

void SpoolMonitor::refresh()
{
    for (SpoolFolder f : Spool::folders())
        m_dirty.insert(f);
    listDirty();
}

void SpoolMonitor::onDirectoryChanged(const QString &path)
{
    for (SpoolFolder f : Spool::folders()) {
        if (m_spool.folderPath(f) == path)
            m_dirty.insert(f);
    }
    if (!m_debounce.isActive())
        m_debounce.start();
}

void SpoolMonitor::listDirty()
{
    const QSet<SpoolFolder> dirty = std::exchange(m_dirty, {});
    for (SpoolFolder f : dirty)
        Q_EMIT folderListed(f, m_browser.names(f));
}

} // namespace Pop3Connector
