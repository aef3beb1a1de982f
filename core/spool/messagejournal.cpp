#include "spool/messagejournal.h"

#include "base/clock.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QObject>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <functional>

namespace Pop3Connector {

namespace {

constexpr qint64 kDayMs = qint64(86400) * 1000;

QDate dayOfFile(const QString &name)
{
    return QDate::fromString(name.left(10), Qt::ISODate);
}

// Case-insensitive (ASCII) byte search: the journal holds UTF-8, and a search over a day file
// of a million records must not lower-case it first.
struct FoldedHash
{
    size_t operator()(char c) const
    {
        return size_t(static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
};
struct FoldedEqual
{
    bool operator()(char a, char b) const { return FoldedHash()(a) == FoldedHash()(b); }
};

QByteArrayView lineAround(QByteArrayView bytes, qsizetype at, qsizetype *next)
{
    const char *data = bytes.data();
    qsizetype start = at;
    while (start > 0 && data[start - 1] != '\n')
        --start;
    const void *nl = std::memchr(data + at, '\n', size_t(bytes.size() - at));
    if (!nl) {
        *next = bytes.size();
        return {}; // a torn last line
    }
    const qsizetype end = static_cast<const char *>(nl) - data;
    *next = end + 1;
    return bytes.sliced(start, end - start);
}

// The spool name column of a line (the third), without parsing the rest.
QByteArrayView messageColumn(QByteArrayView line)
{
    const qsizetype a = line.indexOf('\t');
    const qsizetype b = a < 0 ? -1 : line.indexOf('\t', a + 1);
    const qsizetype c = b < 0 ? -1 : line.indexOf('\t', b + 1);
    if (c < 0)
        return {};
    return line.sliced(b + 1, c - b - 1);
}

} // namespace

MessageJournal::MessageJournal(QString folder)
    : m_folder(std::move(folder))
{ }

int MessageJournal::keepDays() const
{
    QMutexLocker lock(&m_mutex);
    return m_keepDays;
}

void MessageJournal::setKeepDays(int days)
{
    QMutexLocker lock(&m_mutex);
    m_keepDays = std::max(1, days);
}

qint64 MessageJournal::dropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

QString MessageJournal::dayFileName(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).date().toString(Qt::ISODate)
        + QStringLiteral(".log");
}

Status MessageJournal::openDay(const QString &name)
{
    if (m_file.isOpen() && m_dayName == name)
        return {};
    if (m_file.isOpen()) {
        Status s = m_file.sync();
        if (Status closed = m_file.close(); s && !closed)
            s = closed;
        m_file = DurableFs::File();
        if (!s)
            return s;
    }
    if (Status s = DurableFs::makeDirectory(m_folder); !s)
        return s;
    Result<DurableFs::File> file =
        DurableFs::File::open(m_folder + u'/' + name, DurableFs::File::Mode::Append);
    if (!file)
        return file.error();
    m_file = std::move(file).value();
    m_dayName = name;
    if (m_file.size() > 0) {
        // A line torn by a crash ends here, so that the next record starts a line of its own.
        Result<QByteArray> tail = DurableFs::readFile(m_file.path(), kMaxDayBytes + 4096);
        if (tail && !tail->endsWith('\n'))
            return m_file.write("\n");
    }
    return {};
}

Status MessageJournal::append(const QList<TrackingRecord> &records)
{
    if (records.isEmpty())
        return {};
    QByteArray out;
    for (const TrackingRecord &r : records)
        out += r.serialize() + '\n';
    QMutexLocker lock(&m_mutex);
    if (Status s = openDay(dayFileName(Clock::nowUtc().toMSecsSinceEpoch())); !s)
        return s;
    if (m_file.size() + out.size() > kMaxDayBytes) {
        m_dropped += records.size();
        return Error {ErrorCode::LimitExceeded,
            QObject::tr("the message journal %1 is full for today; %n record(s) were not kept",
                nullptr, int(records.size()))
                .arg(m_file.path())};
    }
    const qint64 before = m_file.size();
    Status s = m_file.write(out);
    if (!s && !m_file.truncate(before))
        m_file = DurableFs::File(); // reopened, with its torn line ended, by the next append
    return s;
}

Status MessageJournal::sync()
{
    QMutexLocker lock(&m_mutex);
    return m_file.isOpen() ? m_file.sync() : Status {};
}

Status MessageJournal::prune()
{
    QMutexLocker lock(&m_mutex);
    const QDate oldest = Clock::nowUtc().date().addDays(-m_keepDays);
    const QStringList days =
        QDir(m_folder).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name);
    for (const QString &day : days) {
        const QDate date = dayOfFile(day);
        if (!date.isValid() || date >= oldest)
            continue;
        if (day == m_dayName)
            m_file = DurableFs::File();
        if (Status s = DurableFs::remove(m_folder + u'/' + day); !s)
            return s;
    }
    return {};
}

Result<QList<TrackedMessage>> MessageJournal::search(const TrackingQuery &query) const
{
    // A message's records may span days: every file that can hold a record in the range, and
    // a day either side for the rest of a path.
    const QDate first =
        QDateTime::fromMSecsSinceEpoch(std::max<qint64>(0, query.since - kDayMs), Qt::UTC).date();
    const QDate last = query.until >= std::numeric_limits<qint64>::max() - kDayMs
        ? QDate(9999, 12, 31)
        : QDateTime::fromMSecsSinceEpoch(query.until + kDayMs, Qt::UTC).date();
    QList<QByteArray> files;
    const QStringList days =
        QDir(m_folder).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name);
    for (const QString &day : days) {
        const QDate date = dayOfFile(day);
        if (!date.isValid() || date < first || date > last)
            continue;
        Result<QByteArray> bytes = DurableFs::readFile(m_folder + u'/' + day, kMaxDayBytes + 4096);
        if (!bytes)
            return bytes.error();
        files.append(std::move(bytes).value());
    }

    // 1. The messages with a matching record: found by the text first, parsed only there.
    QHash<QByteArray, qint64> matched; // spool name -> time of its latest matching record
    const QByteArray needle = query.text.toUtf8();
    for (const QByteArray &bytes : std::as_const(files)) {
        const QByteArrayView all(bytes);
        qsizetype at = 0;
        const auto consider = [&](QByteArrayView line) {
            const std::optional<TrackingRecord> r = TrackingRecord::parse(line);
            if (r && query.matches(*r)) {
                qint64 &latest = matched[r->message.toUtf8()];
                latest = std::max(latest, r->time);
            }
        };
        if (needle.isEmpty()) {
            while (at < all.size()) {
                qsizetype next = 0;
                const QByteArrayView line = lineAround(all, at, &next);
                if (!line.isEmpty())
                    consider(line);
                at = next;
            }
            continue;
        }
        const std::boyer_moore_horspool_searcher searcher(
            needle.cbegin(), needle.cend(), FoldedHash(), FoldedEqual());
        while (at < all.size()) {
            const auto hit = std::search(all.begin() + at, all.end(), searcher);
            if (hit == all.end())
                break;
            qsizetype next = 0;
            const QByteArrayView line = lineAround(all, hit - all.begin(), &next);
            if (!line.isEmpty())
                consider(line);
            at = next;
        }
    }
    if (matched.isEmpty())
        return QList<TrackedMessage> {};

    // The most recent messages, up to the limit.
    QList<std::pair<qint64, QByteArray>> order;
    for (auto it = matched.cbegin(); it != matched.cend(); ++it)
        order.append({it.value(), it.key()});
    std::sort(order.begin(), order.end(), std::greater<>());
    if (query.limit > 0 && order.size() > query.limit)
        order.resize(query.limit);
    QHash<QByteArray, qsizetype> index;
    QList<TrackedMessage> out;
    for (const auto &[time, name] : std::as_const(order)) {
        index.insert(name, out.size());
        out.append(TrackedMessage {QString::fromUtf8(name), {}});
    }

    // 2. Each message's whole path: every record with its name, by the name column alone.
    for (const QByteArray &bytes : std::as_const(files)) {
        const QByteArrayView all(bytes);
        qsizetype at = 0;
        while (at < all.size()) {
            const void *nl = std::memchr(all.data() + at, '\n', size_t(all.size() - at));
            if (!nl)
                break; // a torn last line
            const qsizetype end = static_cast<const char *>(nl) - all.data();
            const QByteArrayView line = all.sliced(at, end - at);
            at = end + 1;
            const auto found = index.constFind(messageColumn(line).toByteArray());
            if (found == index.cend())
                continue;
            if (std::optional<TrackingRecord> r = TrackingRecord::parse(line))
                out[*found].records.append(std::move(*r));
        }
    }
    for (TrackedMessage &m : out) {
        std::stable_sort(m.records.begin(), m.records.end(),
            [](const TrackingRecord &a, const TrackingRecord &b) { return a.time < b.time; });
    }
    return out;
}

} // namespace Pop3Connector
