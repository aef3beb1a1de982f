#include "pipeline/download/incomingmessage.h"

#include <algorithm>

namespace Pop3Connector {

namespace {

// Without UIDL a message is recognised by a digest of its beginning (the header block) and
// its size.
constexpr qint64 kDigestBytes = 64 * 1024;
// A message found larger than the limit while it streams is read on and dropped, so that the
// session goes on, up to this much more; then the connection is dropped instead.
constexpr qint64 kMaxDiscardBytes = 4 * 1024 * 1024;

} // namespace

IncomingMessage::IncomingMessage(
    const Spool &spool, int number, qint64 listedOctets, QByteArray uid, int limitKb)
    : m_number(number)
    , m_listedOctets(listedOctets)
    , m_uid(std::move(uid))
    , m_limitBytes(limitKb * qint64(1024))
    , m_staged(spool, Spool::newMessageName())
{
    if (m_uid.isEmpty())
        m_digest = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
}

IncomingMessage::Intake IncomingMessage::take(QByteArrayView payload)
{
    m_received += payload.size();
    if (m_oversized)
        return m_received > m_limitBytes + kMaxDiscardBytes ? Intake::Runaway : Intake::Discarded;
    if (m_received > m_limitBytes) {
        m_oversized = true;
        m_staged.discard();
        return Intake::Outgrown;
    }
    if (m_digest && m_digested < kDigestBytes) {
        const qsizetype take =
            qsizetype(std::min<qint64>(payload.size(), kDigestBytes - m_digested));
        m_digest->addData(payload.first(take));
        m_digested += take;
    }
    return m_staged.append(payload) ? Intake::Written : Intake::WriteFailed;
}

void IncomingMessage::nameByDigest()
{
    m_digest->addData(QByteArray::number(m_staged.size()));
    m_uid = "sha256:" + m_digest->result().toHex();
}

} // namespace Pop3Connector
