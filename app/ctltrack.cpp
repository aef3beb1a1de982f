#include "ctltrack.h"

#include "service/trackingrequests.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QRegularExpression>

using namespace Pop3Connector;

namespace CtlTrack {

namespace {

// In the context lupdate gives the strings of namespace CtlTrack, so that the catalogue finds them.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CtlTrack", text, disambiguation, n);
}

QString kindText(TrackingRecord::Kind kind)
{
    switch (kind) {
    case TrackingRecord::Kind::Stored:
        return tr("stored");
    case TrackingRecord::Kind::Routed:
        return tr("routed");
    case TrackingRecord::Kind::Delivered:
        return tr("delivered");
    case TrackingRecord::Kind::Deferred:
        return tr("deferred");
    case TrackingRecord::Kind::Failed:
        return tr("failed");
    case TrackingRecord::Kind::BadMail:
        return tr("to BadMail");
    case TrackingRecord::Kind::Action:
        return tr("action");
    }
    return {};
}

QString describe(const TrackingRecord &r)
{
    QStringList parts;
    switch (r.kind) {
    case TrackingRecord::Kind::Stored:
        parts << tr("from mailbox %1 on %2, UIDL %3, %n byte(s)", nullptr, int(r.size))
                     .arg(r.mailbox, r.server, r.uid);
        if (r.detail == TrackingRecord::kLeftOnServer)
            parts << tr("left on the server");
        break;
    case TrackingRecord::Kind::Routed:
        parts << tr("to %1 (%2)").arg(r.recipients, r.detail);
        if (!r.messageId.isEmpty())
            parts << tr("Message-ID <%1>").arg(r.messageId);
        if (!r.sender.isEmpty())
            parts << tr("from %1").arg(r.sender);
        if (!r.subject.isEmpty())
            parts << tr("subject \"%1\"").arg(r.subject);
        break;
    case TrackingRecord::Kind::Action:
        parts << tr("%1 in %2 by %3").arg(r.detail, r.mailbox, r.actor);
        break;
    default:
        if (!r.recipients.isEmpty())
            parts << tr("to %1").arg(r.recipients);
        if (!r.server.isEmpty())
            parts << tr("by %1").arg(r.server);
        if (!r.detail.isEmpty())
            parts << r.detail;
    }
    QString text = parts.join(QStringLiteral("; "));
    // What came from outside is shown on one line, its controls made visible.
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0xfffd);
    }
    return text;
}

} // namespace

std::optional<QDateTime> parseTime(const QString &text, const QDateTime &now)
{
    static const QRegularExpression span(QStringLiteral("^(\\d{1,6})([mhd])$"));
    if (const QRegularExpressionMatch m = span.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == u"m" ? 60 : m.captured(2) == u"h" ? 3600 : 86400;
        return now.addSecs(-n * unit);
    }
    if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid() && text.size() == 10)
        return d.startOfDay();
    if (text.contains(u'T') || text.contains(u' ')) {
        QString iso = text;
        iso.replace(u' ', u'T');
        const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
        if (t.isValid())
            return t;
    }
    return std::nullopt;
}

std::optional<QString> checkRange(const CtlCommand &command, const QString &since,
    const QString &until, bool sinceSet, bool untilSet)
{
    if (command.verb != CtlCommand::Verb::Track) {
        if (sinceSet || untilSet)
            return tr("--since and --until go with track");
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTime();
    for (const QString &t : {since, until}) {
        if (!t.isEmpty() && !parseTime(t, now)) {
            return tr("\"%1\" is not a time: give 2026-03-01, 2026-03-01T09:30, or 90m, 12h, 7d")
                .arg(t);
        }
    }
    if (command.arguments.isEmpty() && since.isEmpty() && until.isEmpty())
        return tr("track takes a QUERY, a time range (--since, --until), or both");
    return std::nullopt;
}

TrackingQuery query(const CtlCommand &command, const QDateTime &now)
{
    TrackingQuery q;
    q.text = command.arguments.value(0);
    if (const std::optional<QDateTime> t = parseTime(command.since, now))
        q.since = t->toMSecsSinceEpoch();
    if (const std::optional<QDateTime> t = parseTime(command.until, now))
        q.until = t->toMSecsSinceEpoch();
    return q;
}

QList<TrackedMessage> messages(const QCborMap &reply)
{
    QList<TrackedMessage> out;
    for (const QCborValue &v : reply.value(QStringLiteral("messages")).toArray())
        out.append(Control::trackedFromCbor(v.toMap()));
    return out;
}

QString format(const QList<TrackedMessage> &messages)
{
    if (messages.isEmpty())
        return tr("No message matches.") + u'\n';
    QString out;
    for (const TrackedMessage &m : messages) {
        out += tr("Message %1 — now: %2").arg(m.message, trackedLocation(m.records)) + u'\n';
        for (const TrackingRecord &r : m.records) {
            out +=
                QStringLiteral("  %1  %2  %3\n")
                    .arg(QDateTime::fromMSecsSinceEpoch(r.time).toLocalTime().toString(Qt::ISODate),
                        kindText(r.kind).leftJustified(10), describe(r));
        }
    }
    return out;
}

} // namespace CtlTrack
