#pragma once

#include "base/durablefs.h"
#include "protocol/mailaddress.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

namespace Pop3Connector {

// Which message has been handed on to which local mailbox, for 60 days, so that the same message
// reaching a global mailbox several times (a catch-all gets one copy per recipient) is delivered
// to each local mailbox once. A message is known by its fingerprint (Message-ID and a digest of
// its body, see TransferStage): a Message-ID alone is sometimes reused by careless senders, and
// taking a different message for a copy would lose it. Kept in state/delivered.log, one
// "<unix-seconds> <recipient> <fingerprint>" line each: the recipient a MailAddress in lower
// case, the fingerprint with control characters escaped, so that no header's bytes can break a
// line or add one. Thread-safe.
class DeliveryHistory
{
public:
    static constexpr int kKeepDays = 60;

    explicit DeliveryHistory(QString path);
    // Loads the history, forgetting (and rewriting without) entries older than kKeepDays.
    // Called again between cycles, it keeps a long-running service's history short.
    [[nodiscard]] Status open();

    // Claims (fingerprint, recipient) for a transfer in progress: false when it was delivered
    // already or is claimed by another message of this batch. An empty fingerprint (a message
    // with no Message-ID) is never taken for a copy.
    bool claim(const QString &fingerprint, const MailAddress &recipient);
    // Gives a claim back when its transfer failed.
    void release(const QString &fingerprint, const MailAddress &recipient);
    // Makes claims durable once their PickUp files are in place.
    [[nodiscard]] Status record(const QList<std::pair<QString, MailAddress>> &delivered);

private:
    static QString key(const QString &fingerprint, const MailAddress &recipient);

    QString m_path;
    QMutex m_mutex;
    // What is known, as the first 128 bits of each line's key's SHA-256: 60 days of an office's
    // mail held as the keys themselves grew the service by 0.5 KB a message.
    struct Digest
    {
        quint64 high = 0;
        quint64 low = 0;
        friend bool operator==(const Digest &, const Digest &) = default;
        friend size_t qHash(const Digest &d, size_t seed = 0)
        {
            return qHashMulti(seed, d.high, d.low);
        }
    };
    static Digest digestOf(QByteArrayView key);
    QSet<Digest> m_seen;
    DurableFs::File m_file;
};

} // namespace Pop3Connector
