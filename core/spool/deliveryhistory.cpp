#include "spool/deliveryhistory.h"

#include "base/clock.h"
#include "base/durablefs.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QObject>

#include <cstring>

namespace Pop3Connector {

namespace {
// 60 days of an office's mail is a few megabytes; this bound only stops a runaway file.
constexpr qint64 kMaxHistoryBytes = qint64(1) << 30;
} // namespace

DeliveryHistory::DeliveryHistory(QString path)
    : m_path(std::move(path))
{ }

QString DeliveryHistory::key(const QString &fingerprint, const MailAddress &recipient)
{
    // A Message-ID may hold controls (GMime keeps them); a vertical tab at the end would be
    // trimmed away on reading and the copy no longer recognised.
    QString safe;
    safe.reserve(fingerprint.size());
    for (QChar c : fingerprint) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            safe +=
                QStringLiteral("\\x") + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            safe += c;
    }
    return recipient.toString().toLower() + u' ' + safe;
}

DeliveryHistory::Digest DeliveryHistory::digestOf(QByteArrayView key)
{
    const QByteArray h = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    Digest d;
    std::memcpy(&d.high, h.constData(), sizeof d.high);
    std::memcpy(&d.low, h.constData() + sizeof d.high, sizeof d.low);
    return d;
}

Status DeliveryHistory::open()
{
    QMutexLocker lock(&m_mutex);
    m_file = DurableFs::File();
    m_seen.clear();
    if (Status s = DurableFs::makeDirectory(QFileInfo(m_path).absolutePath()); !s)
        return s;
    const qint64 cutoff = Clock::secondsSinceEpoch() - qint64(kKeepDays) * 86400;
    // "<unix-seconds> <recipient> <fingerprint>": the key part of a line still kept.
    const auto keyOf = [cutoff](QByteArrayView line) -> std::optional<QByteArrayView> {
        line = line.trimmed();
        const qsizetype space = line.indexOf(' ');
        if (space <= 0 || line.first(space).toLongLong() < cutoff)
            return std::nullopt;
        const QByteArrayView key = line.sliced(space + 1);
        if (key.indexOf(' ') < 0)
            return std::nullopt;
        return key;
    };
    if (QFileInfo::exists(m_path)) {
        // Read in place, line by line: the history of 60 days is read between every two cycles,
        // and copies of it were the service's largest allocation.
        const Result<QByteArray> read = DurableFs::readFile(m_path, kMaxHistoryBytes);
        if (!read)
            return read.error();
        const QByteArrayView all = *read;
        // What follows the last newline is empty, or a line torn by a crash.
        const qsizetype whole = all.lastIndexOf('\n') + 1;
        bool dropped = whole < all.size();
        const auto lines = [&](const auto &each) {
            for (qsizetype start = 0; start < whole;) {
                const qsizetype end = all.indexOf('\n', start);
                each(all.sliced(start, end + 1 - start));
                start = end + 1;
            }
        };
        lines([&](QByteArrayView line) {
            if (const std::optional<QByteArrayView> key = keyOf(line.chopped(1)))
                m_seen.insert(digestOf(*key));
            else
                dropped = true;
        });
        if (dropped) {
            QByteArray kept;
            lines([&](QByteArrayView line) {
                if (keyOf(line.chopped(1)))
                    kept += line;
            });
            if (Status s = DurableFs::writeAtomically(m_path, kept); !s)
                return s;
        }
    }
    Result<DurableFs::File> file = DurableFs::File::open(m_path, DurableFs::File::Mode::Append);
    if (!file)
        return file.error();
    m_file = std::move(file).value();
    return {};
}

bool DeliveryHistory::claim(const QString &fingerprint, const MailAddress &recipient)
{
    if (fingerprint.isEmpty())
        return true; // nothing to recognise it by
    QMutexLocker lock(&m_mutex);
    const Digest k = digestOf(key(fingerprint, recipient).toUtf8());
    if (m_seen.contains(k))
        return false;
    m_seen.insert(k);
    return true;
}

void DeliveryHistory::release(const QString &fingerprint, const MailAddress &recipient)
{
    QMutexLocker lock(&m_mutex);
    m_seen.remove(digestOf(key(fingerprint, recipient).toUtf8()));
}

Status DeliveryHistory::record(const QList<std::pair<QString, MailAddress>> &delivered)
{
    QByteArray out;
    const QByteArray now = QByteArray::number(Clock::secondsSinceEpoch());
    for (const auto &[fingerprint, recipient] : delivered) {
        if (!fingerprint.isEmpty())
            out += now + ' ' + key(fingerprint, recipient).toUtf8() + '\n';
    }
    if (out.isEmpty())
        return {};
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen()) {
        return Error {ErrorCode::Io,
            QObject::tr("cannot write %1: the delivery history is not open").arg(m_path)};
    }
    const qint64 before = m_file.size();
    Status s = m_file.write(out);
    if (s)
        s = m_file.sync();
    if (!s && !m_file.truncate(before))
        m_file = DurableFs::File(); // a torn line: open() rewrites the file before more lines
    return s;
}

} // namespace Pop3Connector
