#include "trackingview.h"

#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {

using Kind = TrackingRecord::Kind;

// The time range's choices, in hours back from now; 0: all the journal keeps.
constexpr int kRangeHours[] = {1, 24, 24 * 7, 24 * 30, 0};

QString timeText(qint64 msecs)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

TrackedMessage trackedFromCbor(const QCborMap &map)
{
    TrackedMessage out;
    out.message = map.value(QStringLiteral("name")).toString();
    for (const QCborValue &v : map.value(QStringLiteral("records")).toArray()) {
        const QCborMap m = v.toMap();
        TrackingRecord r;
        r.message = out.message;
        r.time = m.value(QStringLiteral("time")).toDateTime().toMSecsSinceEpoch();
        r.kind =
            trackingKindFromName(m.value(QStringLiteral("kind")).toString()).value_or(Kind::Action);
        r.mailbox = m.value(QStringLiteral("mailbox")).toString();
        r.server = m.value(QStringLiteral("server")).toString();
        r.uid = m.value(QStringLiteral("uid")).toString();
        r.size = m.value(QStringLiteral("size")).toInteger(-1);
        r.messageId = m.value(QStringLiteral("messageId")).toString();
        r.sender = m.value(QStringLiteral("sender")).toString();
        r.subject = m.value(QStringLiteral("subject")).toString();
        r.recipients = m.value(QStringLiteral("recipients")).toString();
        r.detail = m.value(QStringLiteral("detail")).toString();
        r.actor = m.value(QStringLiteral("actor")).toString();
        out.records.append(r);
    }
    return out;
}

} // namespace

TrackingView::TrackingView(ServiceController *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("trackingView"));
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("trackingSearchEdit"));
    m_text->setClearButtonEnabled(true);
    m_range = new QComboBox;
    m_range->setObjectName(QStringLiteral("trackingRangeCombo"));
    for (int i = 0; i < int(std::size(kRangeHours)); ++i)
        m_range->addItem(QString());
    m_range->setCurrentIndex(2);
    m_search = new QPushButton;
    m_search->setObjectName(QStringLiteral("trackingSearchButton"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("trackingStatus"));
    m_results = new QTreeWidget;
    m_results->setObjectName(QStringLiteral("trackingResults"));
    m_results->setRootIsDecorated(false);
    m_results->setColumnCount(5);
    m_results->header()->resizeSection(0, 150);
    m_results->header()->resizeSection(1, 190);
    m_results->header()->resizeSection(2, 200);
    m_results->header()->resizeSection(3, 260);
    m_pathTitle = new QLabel;
    m_pathTitle->setObjectName(QStringLiteral("trackingPathTitle"));
    m_pathTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new QTreeWidget;
    m_timeline->setObjectName(QStringLiteral("trackingTimeline"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setColumnCount(3);
    m_timeline->setWordWrap(true);
    m_timeline->header()->resizeSection(0, 150);
    m_timeline->header()->resizeSection(1, 170);
    m_open = new QPushButton;
    m_open->setObjectName(QStringLiteral("openInSpoolButton"));
    m_open->setEnabled(false);

    auto *query = new QHBoxLayout;
    query->addWidget(m_text, 1);
    query->addWidget(m_range);
    query->addWidget(m_search);
    auto *path = new QWidget;
    auto *pathLayout = new QVBoxLayout(path);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    auto *pathHeader = new QHBoxLayout;
    pathHeader->addWidget(m_pathTitle, 1);
    pathHeader->addWidget(m_open);
    pathLayout->addLayout(pathHeader);
    pathLayout->addWidget(m_timeline, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_results);
    splitter->addWidget(path);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(query);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_search, &QPushButton::clicked, this, &TrackingView::search);
    connect(m_text, &QLineEdit::returnPressed, this, &TrackingView::search);
    connect(m_results, &QTreeWidget::currentItemChanged, this, &TrackingView::showTimeline);
    connect(m_open, &QPushButton::clicked, this, &TrackingView::openSelected);
    connect(m_results, &QTreeWidget::itemActivated, this, &TrackingView::openSelected);
    retranslate();
}

void TrackingView::retranslate()
{
    m_results->setAccessibleName(tr("Messages found"));
    m_results->setAccessibleDescription(
        tr("The messages the search found, most recent first, with where each is now."));
    m_timeline->setAccessibleName(tr("Path of the selected message"));
    m_timeline->setAccessibleDescription(
        tr("Each step of the selected message, oldest first: stored, routed, delivered or "
           "failed, and what administrators did with it."));
    m_text->setPlaceholderText(
        tr("Message-ID, sender, recipient, subject or spool name (empty: every message)"));
    const QStringList ranges = {tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
        tr("Last 30 days"), tr("All that is kept")};
    for (int i = 0; i < ranges.size(); ++i)
        m_range->setItemText(i, ranges[i]);
    m_search->setText(tr("Search"));
    m_open->setText(tr("Open in the Spool tab"));
    m_results->setHeaderLabels(
        {tr("Last step"), tr("Where it is now"), tr("From"), tr("Subject"), tr("Spool name")});
    m_timeline->setHeaderLabels({tr("Time"), tr("Step"), tr("Details")});
    if (m_elapsedMs >= 0)
        m_status->setText(
            tr("%n message(s) found in %1 ms.", nullptr, int(m_messages.size())).arg(m_elapsedMs));
    else
        m_status->setText(tr("Where is a message? Search the service's message journal."));
    // Rebuilt for the words; the selection stays.
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    for (int i = 0; i < m_results->topLevelItemCount(); ++i)
        m_results->topLevelItem(i)->setText(1, trackedLocation(m_messages[i].records));
    if (row >= 0)
        showTimeline();
    else
        m_pathTitle->setText(tr("Choose a message to see its path."));
}

void TrackingView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrackingView::searchFor(const QString &text)
{
    m_text->setText(text);
    search();
}

void TrackingView::search()
{
    if (m_searching)
        return;
    if (!m_service->isRunning()) {
        m_status->setText(tr("The connector is not running (%1): its journal cannot be searched.")
                              .arg(m_service->unavailableReason()));
        return;
    }
    QCborMap params;
    params.insert(QStringLiteral("text"), m_text->text().trimmed());
    if (const int hours = kRangeHours[m_range->currentIndex()]; hours > 0)
        params.insert(QStringLiteral("since"),
            QCborValue(QDateTime::currentDateTimeUtc().addSecs(-qint64(hours) * 3600)));
    params.insert(QStringLiteral("limit"), 500);
    m_searching = true;
    m_search->setEnabled(false);
    m_status->setText(tr("Searching..."));
    m_service->request(Control::Method::Track, params, this, [this](const Result<QCborMap> &reply) {
        m_searching = false;
        m_search->setEnabled(true);
        if (!reply) {
            m_status->setText(tr("The search failed: %1").arg(reply.error().message));
            return;
        }
        showResults(*reply);
        Q_EMIT searched();
    });
}

void TrackingView::showResults(const QCborMap &reply)
{
    m_messages.clear();
    m_results->clear();
    m_timeline->clear();
    m_open->setEnabled(false);
    for (const QCborValue &v : reply.value(QStringLiteral("messages")).toArray()) {
        const TrackedMessage m = trackedFromCbor(v.toMap());
        if (m.records.isEmpty())
            continue;
        QString from, subject;
        for (const TrackingRecord &r : m.records) {
            if (!r.sender.isEmpty())
                from = r.sender;
            if (!r.subject.isEmpty())
                subject = r.subject;
        }
        m_messages.append(m);
        new QTreeWidgetItem(m_results,
            {timeText(m.records.last().time), trackedLocation(m.records), from, subject,
                m.message});
    }
    m_elapsedMs = reply.value(QStringLiteral("elapsedMs")).toInteger();
    retranslate();
    if (m_results->topLevelItemCount() > 0)
        m_results->setCurrentItem(m_results->topLevelItem(0));
}

std::optional<SpoolFolder> TrackingView::folderOf(const QList<TrackingRecord> &records)
{
    std::optional<SpoolFolder> where;
    for (const TrackingRecord &r : records) {
        switch (r.kind) {
        case Kind::Stored:
            where = SpoolFolder::Incoming;
            break;
        case Kind::Routed:
        case Kind::Deferred:
            where = SpoolFolder::PickUp;
            break;
        case Kind::Delivered:
            where.reset();
            break;
        case Kind::Failed:
            where = SpoolFolder::Failed;
            break;
        case Kind::BadMail:
            where = SpoolFolder::BadMail;
            break;
        case Kind::Action:
            if (r.detail == u"delete")
                where.reset();
            else if (r.detail == u"requeue" || r.detail == u"undeliverable")
                where = SpoolFolder::PickUp;
            break;
        }
    }
    return where;
}

QString TrackingView::kindLabel(Kind kind) const
{
    switch (kind) {
    case Kind::Stored:
        return tr("● Stored in Incoming Mail");
    case Kind::Routed:
        return tr("● Routed to PickUp");
    case Kind::Delivered:
        return tr("✔ Delivered");
    case Kind::Deferred:
        return tr("⏸ Deferred");
    case Kind::Failed:
        return tr("✖ Moved to Failed Mail");
    case Kind::BadMail:
        return tr("✖ Moved to BadMail");
    case Kind::Action:
        return tr("★ Administrator");
    }
    return {};
}

QString TrackingView::details(const TrackingRecord &r) const
{
    QStringList parts;
    switch (r.kind) {
    case Kind::Stored:
        parts << tr("from mailbox %1 at %2, UIDL %3").arg(r.mailbox, r.server, r.uid);
        if (r.size >= 0)
            parts << QLocale().formattedDataSize(r.size);
        if (!r.detail.isEmpty())
            parts << r.detail;
        break;
    case Kind::Routed:
        parts << tr("for %1").arg(r.recipients);
        if (!r.detail.isEmpty())
            parts << tr("by %1").arg(r.detail);
        if (!r.messageId.isEmpty())
            parts << tr("Message-ID %1").arg(r.messageId);
        break;
    case Kind::Delivered:
        parts << tr("to %1 at %2").arg(r.recipients, r.server) << r.detail;
        break;
    case Kind::Deferred:
    case Kind::Failed:
    case Kind::BadMail:
        if (!r.recipients.isEmpty())
            parts << r.recipients;
        parts << r.detail;
        break;
    case Kind::Action: {
        const QString what = r.detail == u"requeue" ? tr("requeued")
            : r.detail == u"delete"                 ? tr("deleted")
            : r.detail == u"export"                 ? tr("exported")
            : r.detail == u"undeliverable"          ? tr("sent to the undeliverable-mail mailbox")
                                                    : r.detail;
        parts << tr("%1 from %2 by %3")
                     .arg(what, r.mailbox, r.actor.isEmpty() ? tr("(unknown)") : r.actor);
        break;
    }
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral("; "));
}

void TrackingView::showTimeline()
{
    m_timeline->clear();
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    if (row < 0 || row >= m_messages.size()) {
        m_open->setEnabled(false);
        return;
    }
    const TrackedMessage &m = m_messages[row];
    for (const TrackingRecord &r : m.records) {
        auto *item =
            new QTreeWidgetItem(m_timeline, {timeText(r.time), kindLabel(r.kind), details(r)});
        item->setToolTip(2, item->text(2));
    }
    m_pathTitle->setText(tr("Path of %1: now %2").arg(m.message, trackedLocation(m.records)));
    const std::optional<SpoolFolder> folder = folderOf(m.records);
    // Incoming Mail moves on within a cycle; the other folders keep what waits for a person.
    m_open->setEnabled(folder && *folder != SpoolFolder::Incoming);
}

void TrackingView::openSelected()
{
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    if (row < 0 || row >= m_messages.size())
        return;
    const std::optional<SpoolFolder> folder = folderOf(m_messages[row].records);
    if (folder && *folder != SpoolFolder::Incoming)
        Q_EMIT openInSpool(*folder, m_messages[row].message);
}

} // namespace Pop3Connector
