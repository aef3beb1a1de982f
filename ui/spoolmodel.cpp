#include "spoolmodel.h"

#include <QLocale>

namespace Pop3Connector {

namespace {
constexpr int kPage = 200;
}

SpoolModel::SpoolModel(SpoolMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &SpoolModel::requestMissing);
    connect(monitor, &SpoolMonitor::folderListed, this, &SpoolModel::onListed);
    connect(monitor, &SpoolMonitor::summariesLoaded, this, &SpoolModel::onSummaries);
}

void SpoolModel::setFolder(SpoolFolder folder)
{
    beginResetModel();
    m_folder = folder;
    m_names = m_listings.value(folder);
    m_summaries.clear();
    m_wanted.clear();
    m_requested.clear();
    endResetModel();
    Q_EMIT listed();
}

const MessageSummary *SpoolModel::summary(int row) const
{
    const auto it = m_summaries.constFind(m_names.value(row));
    if (it == m_summaries.cend()) {
        if (row >= 0 && row < m_names.size()) {
            const_cast<SpoolModel *>(this)->m_wanted.insert(m_names[row]);
            const_cast<SpoolModel *>(this)->m_flush.start();
        }
        return nullptr;
    }
    return &*it;
}

void SpoolModel::onListed(SpoolFolder folder, const QStringList &names)
{
    m_listings.insert(folder, names);
    m_counts.insert(folder, int(names.size()));
    Q_EMIT countsChanged();
    if (folder != m_folder)
        return;
    beginResetModel();
    m_names = names;
    // Keep what is known of messages still there; forget the rest.
    const QSet<QString> present(names.cbegin(), names.cend());
    for (auto it = m_summaries.begin(); it != m_summaries.end();)
        it = present.contains(it.key()) ? std::next(it) : m_summaries.erase(it);
    m_requested.intersect(present);
    endResetModel();
    Q_EMIT listed();
}

void SpoolModel::onSummaries(SpoolFolder folder, const QList<MessageSummary> &summaries)
{
    if (folder != m_folder)
        return;
    for (const MessageSummary &s : summaries) {
        m_requested.remove(s.name);
        m_summaries.insert(s.name, s);
        const int row = int(m_names.indexOf(s.name));
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void SpoolModel::requestMissing()
{
    QStringList batch;
    for (const QString &name : std::as_const(m_wanted)) {
        if (!m_requested.contains(name) && !m_summaries.contains(name))
            batch.append(name);
    }
    m_wanted.clear();
    for (qsizetype i = 0; i < batch.size(); i += kPage) {
        const QStringList page = batch.mid(i, kPage);
        for (const QString &n : page)
            m_requested.insert(n);
        QMetaObject::invokeMethod(
            m_monitor, [m = m_monitor, f = m_folder, page] { m->requestSummaries(f, page); },
            Qt::QueuedConnection);
    }
}

int SpoolModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int SpoolModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpoolModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole)
        return {};
    const MessageSummary *s = summary(index.row());
    if (!s)
        return index.column() == Received ? QVariant(tr("loading...")) : QVariant();
    const QLocale locale;
    switch (index.column()) {
    case Received: {
        const qint64 minutes = s->arrived.secsTo(QDateTime::currentDateTimeUtc()) / 60;
        const QString age = minutes < 60 ? tr("%n min ago", nullptr, int(minutes))
            : minutes < 48 * 60          ? tr("%n h ago", nullptr, int(minutes / 60))
                                         : tr("%n days ago", nullptr, int(minutes / 1440));
        return QStringLiteral("%1 (%2)").arg(
            locale.toString(s->arrived.toLocalTime(), QLocale::ShortFormat), age);
    }
    case From:
        return s->from;
    case To:
        return s->to;
    case Subject:
        return s->readable ? s->subject : tr("(unreadable)");
    case Date:
        return s->date.isValid() ? locale.toString(s->date.toLocalTime(), QLocale::ShortFormat)
                                 : QString();
    case Size:
        return locale.formattedDataSize(s->size);
    case Reason:
        return s->reason;
    }
    return {};
}

QVariant SpoolModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Retrieved");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Date:
        return tr("Date");
    case Size:
        return tr("Size");
    case Reason:
        return tr("Reason");
    }
    return {};
}

} // namespace Pop3Connector
