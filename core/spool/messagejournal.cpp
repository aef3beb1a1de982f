#include "spool/messagejournal.h"

#include "base/clock.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Pop3Connector {

namespace {

constexpr qint64 kDayMs = qint64(86400) * 1000;

QDate dayOfFile(const QString &name)
{
    return QDate::fromString(name.left(10), Qt::ISODate);
}

unsigned char folded(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 'A' && u <= 'Z' ? u + 32 : u;
}

// Case-insensitive (ASCII) Boyer-Moore-Horspool over the journal's UTF-8: a search of a
// million records must neither lower-case them first nor look each byte up in a hash table
// (std::boyer_moore_horspool_searcher does, given a folding predicate).
class FoldedSearcher
{
public:
    explicit FoldedSearcher(QByteArrayView needle)
    {
        for (char c : needle)
            m_needle.push_back(char(folded(c)));
        const size_t n = m_needle.size();
        std::fill(std::begin(m_skip), std::end(m_skip), n);
        for (size_t i = 0; i + 1 < n; ++i) {
            const auto c = static_cast<unsigned char>(m_needle[i]);
            m_skip[c] = n - 1 - i;
            if (c >= 'a' && c <= 'z')
                m_skip[c - 32] = n - 1 - i;
        }
    }

    // The offset of the first match at or after `from`, or -1.
    qsizetype find(QByteArrayView hay, qsizetype from) const
    {
        const size_t n = m_needle.size();
        const char *h = hay.data();
        const size_t size = size_t(hay.size());
        for (size_t at = size_t(from); at + n <= size;) {
            const char last = h[at + n - 1];
            if (folded(last) == static_cast<unsigned char>(m_needle[n - 1])) {
                size_t i = 0;
                while (i + 1 < n && folded(h[at + i]) == static_cast<unsigned char>(m_needle[i]))
                    ++i;
                if (i + 1 >= n)
                    return qsizetype(at);
            }
            at += m_skip[static_cast<unsigned char>(last)];
        }
        return -1;
    }

private:
    std::string m_needle;
    size_t m_skip[256];
};

// The time column of a line, without parsing the rest; -1 when it is not a number.
qint64 timeColumn(QByteArrayView line)
{
    qint64 t = 0;
    qsizetype i = 0;
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
        t = t * 10 + (line[i] - '0');
    return i == 0 || i >= line.size() || line[i] != '\t' ? -1 : t;
}

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

QString journalFailure(const Error &error)
{
    return QObject::tr("Some steps of messages were not recorded in the message journal (the "
                       "messages themselves are safe): %1")
        .arg(error.message);
}

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
        const Result<int> fd = DurableFs::openForReading(m_file.path());
        if (!fd)
            return fd.error();
        QFile tail;
        char last = '\n';
        if (tail.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)
            && tail.seek(m_file.size() - 1))
            tail.getChar(&last);
        if (last != '\n')
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
    if (Status s = openDay(dayFileName(Clock::nowUtc().toMSecsSinceEpoch())); !s) {
        m_failedSinceSync = true;
        return s;
    }
    if (m_file.size() + out.size() > kMaxDayBytes) {
        m_dropped += records.size();
        m_failedSinceSync = true;
        return Error {ErrorCode::LimitExceeded,
            QObject::tr("the message journal %1 is full for today; %n record(s) were not kept",
                nullptr, int(records.size()))
                .arg(m_file.path())};
    }
    const qint64 before = m_file.size();
    Status s = m_file.write(out);
    m_failedSinceSync = m_failedSinceSync || !s;
    if (!s && !m_file.truncate(before))
        m_file = DurableFs::File(); // reopened, with its torn line ended, by the next append
    return s;
}

bool MessageJournal::tellFailure()
{
    QMutexLocker lock(&m_mutex);
    return !std::exchange(m_failureTold, true);
}

Status MessageJournal::sync()
{
    QMutexLocker lock(&m_mutex);
    Status s = m_file.isOpen() ? m_file.sync() : Status {};
    // Every record since the last sync written, and now durable: an outage, if any, is over.
    if (s && !m_failedSinceSync)
        m_failureTold = false;
    m_failedSinceSync = false;
    return s;
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
    // Mapped, not read: a month of an office's mail is a few hundred megabytes.
    std::vector<std::unique_ptr<QFile>> files;
    QList<QByteArrayView> days;
    QList<QDate> dates; // of `days`
    const QStringList names =
        QDir(m_folder).entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name);
    for (const QString &day : names) {
        const QDate date = dayOfFile(day);
        if (!date.isValid() || date < first || date > last)
            continue;
        const Result<int> fd = DurableFs::openForReading(m_folder + u'/' + day);
        if (!fd)
            return fd.error();
        auto file = std::make_unique<QFile>();
        if (!file->open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
            return Error {ErrorCode::Io, file->errorString()};
        const qint64 size = std::min(file->size(), kMaxDayBytes + 4096);
        if (size == 0)
            continue;
        const uchar *bytes = file->map(0, size);
        if (!bytes)
            return Error {ErrorCode::Io, file->errorString()};
        days.emplace_back(reinterpret_cast<const char *>(bytes), size);
        dates.append(date);
        files.push_back(std::move(file));
    }

    // 1. The messages with a matching record: found by the text first, parsed only there.
    const QByteArray needle = query.text.toUtf8();
    const FoldedSearcher searcher(needle);
    const QList<QHash<QByteArray, qint64>> hits =
        QtConcurrent::blockingMapped<QList<QHash<QByteArray, qint64>>>(
            days, [&](QByteArrayView all) {
                QHash<QByteArray, qint64> found; // spool name -> time of its latest matching record
                qsizetype at = 0;
                while (at < all.size()) {
                    const qsizetype hit = needle.isEmpty() ? at : searcher.find(all, at);
                    if (hit < 0)
                        break;
                    qsizetype next = 0;
                    const QByteArrayView line = lineAround(all, hit, &next);
                    at = next;
                    const qint64 t = line.isEmpty() ? -1 : timeColumn(line);
                    if (t < 0 || !query.inRange(t))
                        continue;
                    const std::optional<TrackingRecord> r = TrackingRecord::parse(line);
                    if (r && query.matches(*r)) {
                        qint64 &latest = found[r->message.toUtf8()];
                        latest = std::max(latest, r->time);
                    }
                }
                return found;
            });
    QHash<QByteArray, qint64> matched;
    for (const QHash<QByteArray, qint64> &found : hits) {
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            qint64 &latest = matched[it.key()];
            latest = std::max(latest, it.value());
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
    std::unordered_map<std::string_view, qsizetype> index;
    QList<TrackedMessage> out;
    for (const auto &[time, name] : std::as_const(order)) {
        index.emplace(std::string_view(name.constData(), size_t(name.size())), out.size());
        out.append(TrackedMessage {QString::fromUtf8(name), {}});
    }

    // 2. Each message's whole path: every record with its name, by the name column alone.
    // A spool name starts with the time the message was stored (Spool::newMessageName()), and no
    // record of a message comes before that: the days before the oldest message found are
    // skipped (a day's slack for clocks). Day files in parallel: this scan reads every line.
    QDate oldest = QDate(9999, 12, 31);
    for (const TrackedMessage &m : std::as_const(out)) {
        const QDate stored = QDate::fromString(m.message.left(8), QStringLiteral("yyyyMMdd"));
        oldest = stored.isValid() ? std::min(oldest, stored) : QDate(1, 1, 1);
    }
    QList<QByteArrayView> pathDays;
    for (qsizetype i = 0; i < days.size(); ++i) {
        if (dates[i] >= oldest.addDays(-1))
            pathDays.append(days[i]);
    }
    using Found = QList<std::pair<qsizetype, TrackingRecord>>;
    const QList<Found> perDay =
        QtConcurrent::blockingMapped<QList<Found>>(pathDays, [&index](QByteArrayView all) {
            Found found;
            qsizetype at = 0;
            while (at < all.size()) {
                const void *nl = std::memchr(all.data() + at, '\n', size_t(all.size() - at));
                if (!nl)
                    break; // a torn last line
                const qsizetype end = static_cast<const char *>(nl) - all.data();
                const QByteArrayView line = all.sliced(at, end - at);
                at = end + 1;
                const QByteArrayView column = messageColumn(line);
                const auto hit = index.find(std::string_view(column.data(), size_t(column.size())));
                if (hit == index.end())
                    continue;
                if (std::optional<TrackingRecord> r = TrackingRecord::parse(line))
                    found.append({hit->second, std::move(*r)});
            }
            return found;
        });
    for (const Found &found : perDay) {
        for (const auto &[i, r] : found)
            out[i].records.append(r);
    }
    for (TrackedMessage &m : out) {
        std::stable_sort(m.records.begin(), m.records.end(),
            [](const TrackingRecord &a, const TrackingRecord &b) { return a.time < b.time; });
    }
    return out;
}

} // namespace Pop3Connector
