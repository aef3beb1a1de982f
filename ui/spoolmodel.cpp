#include "spoolmodel.h"

#include "base/clock.h"
#include "language.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Pop3Connector {

namespace {
constexpr int kPage = 250; // small replies: each is decoded at once on the UI thread
// A folder that changes all the time (PickUp during a cycle) is listed at most once a second:
// each listing has the service read the header of every message in it, beside the stages.
constexpr qint64 kRelistMs = 1000;
constexpr qint64 kRelistMaxMs = 10000;
} // namespace

SpoolModel::SpoolModel(ServiceController *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    m_relist.setSingleShot(true);
    m_relist.setInterval(kRelistMs);
    connect(&m_relist, &QTimer::timeout, this, &SpoolModel::list);
    connect(service, &ServiceController::folderChanged, this, [this](SpoolFolder folder) {
        Q_EMIT countsChanged();
        if (folder != m_folder)
            return;
        if (!m_active)
            m_stale = true;
        else if (m_listing.isValid())
            m_changedWhileListing = true; // listed again once this listing is shown
        else if (!m_relist.isActive())
            m_relist.start();
    });
    connect(service, &ServiceController::serviceStateChanged, this, [this](bool running) {
        if (!running)
            return;
        if (m_active)
            relist();
        else
            m_stale = true; // listed when the tab is shown
    });
}

void SpoolModel::setFolder(SpoolFolder folder)
{
    beginResetModel();
    m_folder = folder;
    m_messages.clear();
    endResetModel();
    Q_EMIT listed();
    list();
}

void SpoolModel::setActive(bool active)
{
    m_active = active;
    if (active && std::exchange(m_stale, false))
        relist();
}

void SpoolModel::relist()
{
    m_relist.stop();
    list();
}

int SpoolModel::count(SpoolFolder folder) const
{
    return m_service->folderCount(folder);
}

const MessageSummary *SpoolModel::summary(int row) const
{
    return row >= 0 && row < m_messages.size() ? &m_messages[row] : nullptr;
}

void SpoolModel::list()
{
    m_listing.start();
    m_changedWhileListing = false;
    requestPage(++m_generation, m_folder, 0, {});
}

void SpoolModel::listingEnded()
{
    // A listing is never cut short by the next one, and the window spends at most a fifth of
    // its time listing: 5,000 messages in PickUp take the service and the window about a
    // second on a busy 2-core server, which the stages need more. Never staler than 10 s.
    m_relist.setInterval(int(std::clamp<qint64>(4 * m_listing.elapsed(), kRelistMs, kRelistMaxMs)));
    m_listing.invalidate();
    if (std::exchange(m_changedWhileListing, false))
        m_relist.start();
}

void SpoolModel::requestPage(
    quint64 generation, SpoolFolder folder, int offset, QList<MessageSummary> sofar)
{
    QCborMap params;
    params.insert(QStringLiteral("folder"), Control::folderKey(folder));
    params.insert(QStringLiteral("offset"), offset);
    params.insert(QStringLiteral("limit"), kPage);
    m_service->request(Control::Method::SpoolList, params, this,
        [this, generation, folder, offset, sofar](const Result<QCborMap> &reply) mutable {
            if (generation != m_generation)
                return;
            if (!reply) {
                listingEnded();
                return;
            }
            const QCborArray page = reply->value(QStringLiteral("messages")).toArray();
            for (const QCborValue &m : page)
                sofar.append(Control::summaryFromCbor(m.toMap()));
            const qint64 total = reply->value(QStringLiteral("total")).toInteger();
            if (!page.isEmpty() && offset + page.size() < total) {
                requestPage(generation, folder, int(offset + page.size()), std::move(sofar));
                return;
            }
            update(std::move(sofar));
            listingEnded();
            Q_EMIT listed();
        });
}

namespace {

bool sameRow(const MessageSummary &a, const MessageSummary &b)
{
    return a.from == b.from && a.to == b.to && a.subject == b.subject && a.date == b.date
        && a.arrived == b.arrived && a.size == b.size && a.reason == b.reason
        && a.mailbox == b.mailbox && a.readable == b.readable;
}

} // namespace

// Both lists are in the order of the names, which is the order of arrival: while a cycle runs,
// the oldest rows go and new ones come at the end, so a relisting is a removal and an insertion
// of a few ranges. Telling the view just that keeps its selection and scroll position, and
// keeps its sorting proxy from sorting every row again on the UI thread (a reset of 5,000
// rows, every 200 ms during a cycle, stalled the window for 40-90 ms).
void SpoolModel::update(QList<MessageSummary> next)
{
    QHash<QString, qsizetype> kept; // name -> row in `next`
    kept.reserve(next.size());
    for (qsizetype i = 0; i < next.size(); ++i)
        kept.insert(next[i].name, i);
    qsizetype last = -1;
    for (const MessageSummary &m : std::as_const(m_messages)) {
        const qsizetype at = kept.value(m.name, -1);
        if (at >= 0 && at < last) { // another order: no ranges to tell
            beginResetModel();
            m_messages = std::move(next);
            endResetModel();
            return;
        }
        last = std::max(last, at);
    }
    for (qsizetype end = m_messages.size(); end > 0;) {
        if (kept.contains(m_messages[end - 1].name)) {
            --end;
            continue;
        }
        qsizetype first = end - 1;
        while (first > 0 && !kept.contains(m_messages[first - 1].name))
            --first;
        beginRemoveRows({}, int(first), int(end - 1));
        m_messages.remove(first, end - first);
        endRemoveRows();
        end = first;
    }
    // What is left is in `next`, in the same order: insert what is new around it.
    qsizetype row = 0;
    for (qsizetype i = 0; i < next.size();) {
        if (row < m_messages.size() && m_messages[row].name == next[i].name) {
            if (!sameRow(m_messages[row], next[i])) {
                m_messages[row] = next[i];
                Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            }
            ++row;
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < next.size()
            && (row >= m_messages.size() || m_messages[row].name != next[end].name))
            ++end;
        beginInsertRows({}, int(row), int(row + end - i - 1));
        m_messages.insert(row, end - i, MessageSummary {});
        std::move(next.begin() + i, next.begin() + end, m_messages.begin() + row);
        endInsertRows();
        row += end - i;
        i = end;
    }
}

int SpoolModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int SpoolModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpoolModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const MessageSummary *s = summary(index.row());
    if (!s)
        return {};
    if (role == SortRole) {
        switch (index.column()) {
        case Received:
            return s->arrived;
        case Date:
            return s->date;
        case Size:
            return s->size;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Received: {
        const qint64 minutes = s->arrived.secsTo(Clock::nowUtc()) / 60;
        const QString age = minutes < 60 ? tr("%n min ago", nullptr, int(minutes))
            : minutes < 48 * 60          ? tr("%n h ago", nullptr, int(minutes / 60))
                                         : tr("%n days ago", nullptr, int(minutes / 1440));
        return QStringLiteral("%1 (%2)").arg(Language::dateTime(s->arrived), age);
    }
    case From:
        return s->from;
    case To:
        return s->to;
    case Subject:
        return s->readable ? s->subject : tr("(unreadable)");
    case Date:
        return s->date.isValid() ? Language::dateTime(s->date) : QString();
    case Size:
        return locale.formattedDataSize(s->size);
    case Reason:
        return s->reason.translated();
    case Mailbox:
        return s->mailbox;
    case Name:
        return s->name;
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
    case Mailbox:
        return tr("Mailbox");
    case Name:
        return tr("Spool name");
    }
    return {};
}

} // namespace Pop3Connector
