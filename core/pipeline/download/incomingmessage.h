#pragma once

#include "spool/spool.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>

#include <memory>

namespace Pop3Connector {

// One message as RETR streams it (RFC 1939 §5): its body goes into a staged file in tmp/ as it
// arrives, under the mailbox's size limit, whatever LIST said. A message that outgrows the limit
// is read on to its end and dropped, so that the session goes on, but only so far. Without
// UIDL, a digest of its beginning (the header block) and its size names it.
class IncomingMessage
{
public:
    // What became of a piece of the body.
    enum class Intake {
        Written,
        WriteFailed, // the staged file failed (staged().error()); nothing more is written
        Outgrown, // this piece took it over the limit: the staged file is discarded
        Discarded, // beyond the limit: read and dropped
        Runaway, // far beyond the limit: the server cannot be trusted, the connection must go
    };

    // `uid` is empty when the server has no UIDL.
    IncomingMessage(
        const Spool &spool, int number, qint64 listedOctets, QByteArray uid, int limitKb);

    int number() const { return m_number; }
    qint64 listedOctets() const { return m_listedOctets; }
    // The UIDL; without one, empty until nameByDigest().
    const QByteArray &uid() const { return m_uid; }
    bool isOversized() const { return m_oversized; }
    StagedMessage &staged() { return m_staged; }

    Intake take(QByteArrayView payload);
    // Without UIDL, once the message is whole: names it "sha256:" and the hex digest.
    void nameByDigest();

private:
    int m_number;
    qint64 m_listedOctets;
    QByteArray m_uid;
    qint64 m_limitBytes;
    StagedMessage m_staged;
    std::unique_ptr<QCryptographicHash> m_digest; // only without UIDL
    qint64 m_digested = 0;
    qint64 m_received = 0;
    bool m_oversized = false;
};

} // namespace Pop3Connector
