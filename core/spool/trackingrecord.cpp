#include "spool/trackingrecord.h"

#include <QCoreApplication>

#include <array>

namespace Pop3Connector {

namespace {

// The column order of a line; the last column is a fixed end mark so that a line torn by a
// crash after its last tab is not taken for a record with an empty actor.
constexpr int kColumns = 14;
constexpr char kEndMark = '.';

constexpr std::array<std::pair<TrackingRecord::Kind, const char *>, 7> kKinds {{
    {TrackingRecord::Kind::Stored, "stored"},
    {TrackingRecord::Kind::Routed, "routed"},
    {TrackingRecord::Kind::Delivered, "delivered"},
    {TrackingRecord::Kind::Deferred, "deferred"},
    {TrackingRecord::Kind::Failed, "failed"},
    {TrackingRecord::Kind::BadMail, "badmail"},
    {TrackingRecord::Kind::Action, "action"},
}};

void appendEscaped(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.left(TrackingRecord::kMaxField).toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\x";
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
}

// The inverse of appendEscaped(); nothing for an escape appendEscaped() never writes.
std::optional<QString> unescaped(QByteArrayView field)
{
    if (!field.contains('\\'))
        return QString::fromUtf8(field);
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out += field[i];
            continue;
        }
        if (++i >= field.size())
            return std::nullopt;
        switch (field[i]) {
        case '\\':
            out += '\\';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'n':
            out += '\n';
            break;
        case 'x': {
            if (i + 2 >= field.size())
                return std::nullopt;
            bool ok = false;
            const int v = QByteArray(field.data() + i + 1, 2).toInt(&ok, 16);
            if (!ok)
                return std::nullopt;
            out += char(v);
            i += 2;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return QString::fromUtf8(out);
}

} // namespace

QString trackingKindName(TrackingRecord::Kind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<TrackingRecord::Kind> trackingKindFromName(QStringView name)
{
    for (const auto &[k, n] : kKinds) {
        if (name == QLatin1StringView(n))
            return k;
    }
    return std::nullopt;
}

QByteArray TrackingRecord::serialize() const
{
    QByteArray out;
    out.reserve(128 + messageId.size() + subject.size() + detail.size());
    out += QByteArray::number(time);
    out += '\t';
    out += trackingKindName(kind).toLatin1();
    for (const QString *f : {&message, &mailbox, &server, &uid, &messageId, &sender, &subject,
             &recipients, &detail, &actor}) {
        out += '\t';
        appendEscaped(out, *f);
    }
    out += '\t';
    out += QByteArray::number(size);
    out += '\t';
    out += kEndMark;
    return out;
}

std::optional<TrackingRecord> TrackingRecord::parse(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    QList<QByteArrayView> f;
    f.reserve(kColumns);
    qsizetype start = 0;
    while (true) {
        const qsizetype tab = line.indexOf('\t', start);
        if (tab < 0) {
            f.append(line.sliced(start));
            break;
        }
        f.append(line.sliced(start, tab - start));
        start = tab + 1;
        if (f.size() > kColumns)
            return std::nullopt;
    }
    if (f.size() != kColumns || f.last() != QByteArrayView(&kEndMark, 1))
        return std::nullopt;
    TrackingRecord r;
    bool ok = false;
    r.time = f[0].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const std::optional<Kind> kind = trackingKindFromName(QString::fromLatin1(f[1]));
    if (!kind)
        return std::nullopt;
    r.kind = *kind;
    QString *fields[] = {&r.message, &r.mailbox, &r.server, &r.uid, &r.messageId, &r.sender,
        &r.subject, &r.recipients, &r.detail, &r.actor};
    for (int i = 0; i < 10; ++i) {
        std::optional<QString> v = unescaped(f[2 + i]);
        if (!v)
            return std::nullopt;
        *fields[i] = std::move(*v);
    }
    r.size = f[12].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return r;
}

bool TrackingQuery::matches(const TrackingRecord &record) const
{
    if (!inRange(record.time))
        return false;
    if (text.isEmpty())
        return true;
    for (const QString *f : {&record.messageId, &record.sender, &record.recipients, &record.subject,
             &record.message, &record.uid}) {
        if (f->contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString trackedLocation(const QList<TrackingRecord> &records)
{
    using Kind = TrackingRecord::Kind;
    const char *where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "unknown");
    bool onServer = false;
    for (const TrackingRecord &r : records) {
        switch (r.kind) {
        case Kind::Stored:
            onServer = r.detail == TrackingRecord::kLeftOnServer;
            where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "Incoming Mail");
            break;
        case Kind::Routed:
        case Kind::Deferred:
            where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "PickUp");
            break;
        case Kind::Delivered:
            where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "delivered");
            break;
        case Kind::Failed:
            where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "Failed Mail");
            break;
        case Kind::BadMail:
            where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "BadMail");
            break;
        case Kind::Action:
            if (r.detail == u"delete")
                where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "deleted");
            else if (r.detail == u"requeue")
                where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "PickUp");
            else if (r.detail == u"undeliverable")
                where = QT_TRANSLATE_NOOP("Pop3Connector::MessageJournal", "PickUp");
            break;
        }
    }
    const QString text = QCoreApplication::translate("Pop3Connector::MessageJournal", where);
    return onServer
        ? QCoreApplication::translate("Pop3Connector::MessageJournal", "%1; still on the server")
              .arg(text)
        : text;
}

} // namespace Pop3Connector
