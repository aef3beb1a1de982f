#include "spool/spoolmonitor.h"

namespace Pop3Connector {

namespace {
// Folders change many times a second while mail flows; listing that often helps nobody.
constexpr int kDebounceMs = 300;
} // namespace

SpoolMonitor::SpoolMonitor(const Spool &spool, const QString &requestedBy, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_browser(spool)
    , m_debounce(this) // a child, so that it moves to the monitor's thread
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SpoolMonitor::listDirty);
    m_browser.reportTo([this](const Event &event) { Q_EMIT eventRaised(event); }, requestedBy);
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

void SpoolMonitor::requestSummaries(SpoolFolder folder, const QStringList &names)
{
    QList<MessageSummary> out;
    out.reserve(names.size());
    for (const QString &name : names)
        out.append(m_browser.summary(folder, name));
    Q_EMIT summariesLoaded(folder, out);
}

void SpoolMonitor::requestPreview(SpoolFolder folder, const QString &name)
{
    Q_EMIT previewLoaded(folder, name, m_browser.preview(folder, name));
}

void SpoolMonitor::perform(
    Action action, SpoolFolder folder, const QStringList &names, const QString &argument)
{
    QStringList errors;
    for (const QString &name : names) {
        QString error;
        switch (action) {
        case Action::Requeue:
            error = m_browser.requeue(folder, name);
            break;
        case Action::Export:
            error = m_browser.exportMessage(folder, name,
                names.size() == 1 ? argument : argument + u'/' + Spool::emlName(name));
            break;
        case Action::Delete:
            error = m_browser.remove(folder, name);
            break;
        case Action::SendToUndeliverable:
            error = m_browser.wrapForUndeliverable(folder, name, argument);
            break;
        }
        if (!error.isEmpty())
            errors.append(name + QStringLiteral(": ") + error);
    }
    Q_EMIT actionFinished(action, folder, names, errors);
    refresh();
}

} // namespace Pop3Connector
