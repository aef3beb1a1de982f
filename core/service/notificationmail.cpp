#include "service/notificationmail.h"

#include "base/clock.h"
#include "spool/pickupqueue.h"

#include <QLocale>
#include <QSysInfo>

#include <algorithm>

namespace Pop3Connector {

namespace {

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(
        bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 2047 §4.1: each word at most 75 characters, so a long subject is cut between characters
// into several, the line folded between them.
QByteArray encodedWords(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (isAscii(utf8))
        return utf8;
    QList<QByteArray> words;
    QString chunk;
    for (const QChar c : text) {
        if (chunk.toUtf8().size() >= 36 && !c.isLowSurrogate()) {
            words.append("=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=");
            chunk.clear();
        }
        chunk.append(c);
    }
    if (!chunk.isEmpty())
        words.append("=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=");
    return words.join("\r\n ");
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray all = bytes.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < all.size(); i += 76)
        out += all.mid(i, 76) + "\r\n";
    return out;
}

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

} // namespace

QString NotificationMail::subject(const ProblemNotice &notice)
{
    if (notice.kind == ProblemNotice::Kind::Ended)
        return tr("POP3 Connector: %1: resolved").arg(notice.problem.subject);
    return tr("POP3 Connector: %1: %2")
        .arg(notice.problem.subject, describe(notice.problem.eventId).title);
}

QString NotificationMail::body(const ProblemNotice &notice, const QList<ProblemRecord> &open)
{
    const EventDescription event = describe(notice.problem.eventId);
    QString text;
    if (notice.kind == ProblemNotice::Kind::Started) {
        text = tr("POP3 Connector found a problem with %1 on %2.\n\nSince: %3\nWhat happened: %4\n"
                  "Event %5: %6\n\nCause: %7\n\nWhat to do: %8\n")
                   .arg(notice.problem.subject, QSysInfo::machineHostName(), when(notice.since),
                       notice.problem.text)
                   .arg(int(notice.problem.eventId))
                   .arg(event.title, event.cause, event.fix);
    } else {
        text = tr("The problem with %1 on %2 is resolved.\n\nResolved: %3\nThe problem was: %4\n")
                   .arg(notice.problem.subject, QSysInfo::machineHostName(), when(notice.since),
                       notice.problem.text);
    }
    QStringList others;
    for (const ProblemRecord &r : open) {
        if (r.problem.key != notice.problem.key)
            others.append(QStringLiteral("- %1: %2").arg(r.problem.subject, r.problem.text));
    }
    if (!others.isEmpty())
        text += u'\n' + tr("Other problems open now:") + u'\n' + others.join(u'\n') + u'\n';
    text += u'\n'
        + tr("You receive this because this address is the administrator_address of the "
             "connector. Each problem is reported at most once an hour; pop3connectorctl "
             "diagnose tells the state at any time.")
        + u'\n';
    return text;
}

QByteArray NotificationMail::compose(const QString &from, const QString &to, const QString &subject,
    const QString &body, const QString &messageId, const QDateTime &date)
{
    QByteArray text = body.toUtf8();
    text.replace("\r\n", "\n");
    text.replace('\n', "\r\n");
    const bool ascii = isAscii(text);
    QByteArray out;
    out += "From: POP3 Connector <" + from.toUtf8() + ">\r\n";
    out += "To: <" + to.toUtf8() + ">\r\n";
    out += "Subject: " + encodedWords(subject) + "\r\n";
    // RFC 5322 §3.3, in UTC: names of days and months in English whatever the locale.
    out += "Date: "
        + QLocale::c()
              .toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
              .toLatin1()
        + " +0000\r\n";
    out += "Message-ID: <" + messageId.toUtf8() + ">\r\n";
    out += "Auto-Submitted: auto-generated\r\n"; // RFC 3834: no auto-replies to it
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += ascii ? "Content-Transfer-Encoding: 7bit\r\n" : "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    out += ascii ? text : base64Lines(text);
    return out;
}

Status NotificationMail::queue(const Spool &spool, const QString &name,
    const QString &administrator, const ProblemNotice &notice, const QList<ProblemRecord> &open)
{
    const Result<MailAddress> to = MailAddress::parse(administrator);
    if (!to)
        return to.error();
    const QByteArray message = compose(administrator, administrator, subject(notice),
        body(notice, open), name + u'@' + QSysInfo::machineHostName(), Clock::nowUtc());
    MessageMetadata meta;
    meta.retrieved = Clock::nowUtc();
    meta.other.insert(QStringLiteral("recipients"), administrator);
    meta.other.insert(QStringLiteral("notifies"), notice.problem.key);
    // The null sender: a report that cannot be delivered bounces to nobody (RFC 3834 §3.3).
    return queueInPickUp(spool, name, PickupEnvelope::make(MailAddress(), {*to}), message, meta);
}

} // namespace Pop3Connector
