#include "pipeline/download/mailboxretrieval.h"

#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"

#include <QDateTime>
#include <QThread>

namespace Pop3Connector {

namespace {

// Pipelining window: enough requested ahead to keep the server streaming (about one
// bandwidth-delay product of a fast link), little enough that a stop drains quickly. Sizes come
// from LIST.
constexpr int kMaxRetrInFlight = 32;
constexpr qint64 kMaxRetrBytesInFlight = 1024 * 1024;
// Without UIDL a message is recognised by a digest of its beginning (the header block) and
// its size.
constexpr qint64 kDigestBytes = 64 * 1024;
// A message found larger than the limit while it streams is read on and dropped, so that the
// session goes on, up to this much more; then the connection is dropped instead.
constexpr qint64 kMaxDiscardBytes = 4 * 1024 * 1024;
constexpr int kProgressIntervalMs = 200;

} // namespace

MailboxRetrieval::MailboxRetrieval(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    m_report.mailbox = m_setup.mailbox.name;
    m_progress.mailbox = m_setup.mailbox.name;
    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, &MailboxRetrieval::onStopDeadline);
}

MailboxRetrieval::~MailboxRetrieval()
{
    // The password leaves memory with the retrieval.
    m_setup.password.fill('\0');
}

bool MailboxRetrieval::deleting() const
{
    return !m_setup.mailbox.leaveOnServer;
}

void MailboxRetrieval::raise(EventId id, const QString &text, const QString &message)
{
    if (describe(id).level <= m_setup.logLevel)
        Q_EMIT eventRaised(Event::make(id, text, m_setup.mailbox.name, message));
}

void MailboxRetrieval::reportProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.start();
    Q_EMIT progressed(m_progress);
}

void MailboxRetrieval::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const MailboxSettings &mb = m_setup.mailbox;
    Channel *channel =
        m_setup.channelFactory ? m_setup.channelFactory() : new SocketChannel(TlsTrust {mb.caFile});
    m_session = new Pop3Session(channel, this);
    m_session->setTimeout(m_setup.timeoutMs);
    m_session->setTranscriptEnabled(m_setup.transcript);
    connect(m_session, &Pop3Session::greeted, this, &MailboxRetrieval::onGreeted);
    connect(m_session, &Pop3Session::failed, this, &MailboxRetrieval::onSessionFailed);
    connect(m_session, &Pop3Session::tlsEstablished, this, &MailboxRetrieval::sendCapa);
    connect(m_session, &Pop3Session::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(m_setup.mailbox.name, direction, line);
        });

    m_state = State::Connecting;
    m_progress.phase = MailboxProgress::Phase::Connecting;
    reportProgress(true);
    raise(EventId::RetrievalStarted,
        tr("Retrieving mail for %1 from %2 port %3.").arg(mb.user, mb.host).arg(mb.port));
    if (mb.security == Pop3Security::None) {
        raise(EventId::PlainTextLogin,
            tr("The password for %1 on %2 is sent without encryption.").arg(mb.user, mb.host));
    }
    m_session->open(mb.host, mb.port, mb.security == Pop3Security::Tls);
}

void MailboxRetrieval::onGreeted(const QByteArray &greeting)
{
    m_apopTimestamp = apopTimestamp(greeting);
    sendCapa();
}

// RFC 2449 §5; asked again after STLS, as RFC 2595 §4 requires.
void MailboxRetrieval::sendCapa()
{
    m_state = State::Capabilities;
    Pop3Session::Command c;
    c.line = "CAPA";
    c.multiLine = true;
    c.transcribeBody = true;
    c.onReply = [this](const Pop3Session::Reply &reply) { onCapa(reply); };
    m_session->send(std::move(c));
}

void MailboxRetrieval::onCapa(const Pop3Session::Reply &reply)
{
    // A server without CAPA is an RFC 1939 server: USER/PASS, no pipelining.
    m_caps = reply.status.ok ? parseCapabilities(reply.lines) : Capabilities {};
    const MailboxSettings &mb = m_setup.mailbox;
    if (mb.security != Pop3Security::StartTls || m_session->isEncrypted()) {
        authenticate();
        return;
    }
    // RFC 2595 §4: STLS. A server that does not offer it, or refuses it, ends the session;
    // the password is never sent in clear text instead.
    if (m_caps.known && !m_caps.stls) {
        failWith(RetrievalReport::Outcome::Failed, EventId::StartTlsUnavailable,
            tr("%1 does not offer STLS, which the mailbox requires; the password was not "
               "sent.")
                .arg(mb.host));
        return;
    }
    m_state = State::StartingTls;
    Pop3Session::Command c;
    c.line = "STLS";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            failWith(RetrievalReport::Outcome::Failed, EventId::StartTlsUnavailable,
                tr("%1 refused STLS (\"%2\"); the password was not sent.")
                    .arg(m_setup.mailbox.host, QString::fromUtf8(reply.status.text)));
            return;
        }
        m_session->startTls();
    };
    m_session->send(std::move(c));
}

// RFC 1939 §7 USER/PASS and APOP, RFC 5034 AUTH. Automatic picks the strongest mechanism the
// server offers: CRAM-MD5 never reveals the password, then PLAIN, LOGIN, USER/PASS.
void MailboxRetrieval::authenticate()
{
    m_state = State::Authenticating;
    m_progress.phase = MailboxProgress::Phase::LoggingIn;
    reportProgress(true);
    const MailboxSettings &mb = m_setup.mailbox;

    if (mb.leaveOnServer && m_caps.expireDays) {
        const int serverDays = *m_caps.expireDays;
        if (serverDays == 0 || mb.deleteAfterDays == 0 || mb.deleteAfterDays > serverDays) {
            raise(EventId::ExpirePolicyConflict,
                serverDays == 0
                    ? tr("%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the "
                         "mailbox is set to leave them on the server.")
                          .arg(mb.host)
                    : tr("%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than "
                         "the mailbox is set to keep them.",
                        nullptr, serverDays)
                          .arg(mb.host));
        }
    }

    // RFC 2449 §6.8: a server that allows a login only every n seconds.
    if (m_caps.loginDelaySeconds && m_setup.intervalSeconds > 0
        && *m_caps.loginDelaySeconds > m_setup.intervalSeconds) {
        raise(EventId::LoginDelayLongerThanInterval,
            tr("%1 allows a login every %2 minute(s); the schedule retrieves every %3 minute(s).")
                .arg(mb.host)
                .arg((*m_caps.loginDelaySeconds + 59) / 60)
                .arg(m_setup.intervalSeconds / 60));
    }

    AuthMethod method = mb.auth;
    if (method == AuthMethod::Automatic) {
        if (m_caps.hasSasl("CRAM-MD5"))
            method = AuthMethod::CramMd5;
        else if (m_caps.hasSasl("PLAIN"))
            method = AuthMethod::Plain;
        else if (m_caps.hasSasl("LOGIN"))
            method = AuthMethod::Login;
        else
            method = AuthMethod::User;
    }
    const QByteArray user = mb.user.toUtf8();
    const QByteArray &password = m_setup.password;
    auto onReply = [this](const Pop3Session::Reply &reply) { onAuthReply(reply); };

    Pop3Session::Command c;
    c.onReply = onReply;
    switch (method) {
    case AuthMethod::Automatic:
    case AuthMethod::User: {
        c.line = "USER " + user;
        c.onReply = [this, onReply](const Pop3Session::Reply &reply) {
            if (!reply.status.ok) {
                onAuthReply(reply);
                return;
            }
            Pop3Session::Command pass;
            pass.line = "PASS " + m_setup.password;
            pass.transcriptLine = "PASS ********";
            pass.onReply = onReply;
            m_session->send(std::move(pass));
        };
        break;
    }
    case AuthMethod::Apop:
        if (m_apopTimestamp.isEmpty()) {
            failWith(RetrievalReport::Outcome::Failed, EventId::AuthenticationFailed,
                tr("%1 does not offer APOP (its greeting has no timestamp); choose another "
                   "authentication method.")
                    .arg(mb.host));
            return;
        }
        c.line = "APOP " + user + ' ' + apopDigest(m_apopTimestamp, password);
        c.transcriptLine = "APOP " + user + " ********";
        break;
    case AuthMethod::Plain:
        c.line = "AUTH PLAIN";
        c.onContinuation = [this, user](
                               const QByteArray &) { return saslPlain(user, m_setup.password); };
        break;
    case AuthMethod::Login: {
        c.line = "AUTH LOGIN";
        auto step = std::make_shared<int>(0);
        c.onContinuation = [this, user, step](const QByteArray &) {
            return (*step)++ == 0 ? user.toBase64() : m_setup.password.toBase64();
        };
        break;
    }
    case AuthMethod::CramMd5:
        c.line = "AUTH CRAM-MD5";
        c.onContinuation = [this, user](const QByteArray &challenge) {
            return cramMd5Response(user, m_setup.password, challenge);
        };
        break;
    }
    m_session->send(std::move(c));
}

void MailboxRetrieval::onAuthReply(const Pop3Session::Reply &reply)
{
    if (!reply.status.ok) {
        failFromReply(EventId::AuthenticationFailed,
            tr("%1 refused the login of %2").arg(m_setup.mailbox.host, m_setup.mailbox.user),
            reply.status);
        return;
    }
    if (m_setup.probeOnly) {
        // RFC 1939 §5 STAT: the drop listing, all a connection test needs.
        m_state = State::Listing;
        Pop3Session::Command stat;
        stat.line = "STAT";
        stat.onReply = [this](const Pop3Session::Reply &reply) {
            if (!reply.status.ok) {
                failFromReply(EventId::Pop3TransactionError,
                    tr("%1 refused STAT").arg(m_setup.mailbox.host), reply.status);
                return;
            }
            if (const std::optional<Drop> drop = parseStat(reply.status.text)) {
                m_report.onServer = drop->count;
                m_report.octetsOnServer = drop->octets;
            }
            quit();
        };
        m_session->send(std::move(stat));
        return;
    }
    // RFC 1939 §6 UIDL and §5 LIST, pipelined when the server allows it.
    m_state = State::Listing;
    m_progress.phase = MailboxProgress::Phase::Listing;
    reportProgress(true);
    m_session->setPipelining(m_caps.pipelining);
    m_listingsPending = 2;

    // Each line is parsed as it arrives into a compact listing; nothing is held as text.
    Pop3Session::Command uidl;
    uidl.line = "UIDL";
    uidl.multiLine = true;
    uidl.onLine = [this](QByteArrayView line) { return m_uids.add(line); };
    uidl.onReply = [this](const Pop3Session::Reply &reply) {
        m_haveUidl = reply.status.ok;
        m_uids.seal();
        if (--m_listingsPending == 0 && m_state == State::Listing)
            onListings();
    };
    m_session->send(std::move(uidl));

    Pop3Session::Command list;
    list.line = "LIST";
    list.multiLine = true;
    list.onLine = [this](QByteArrayView line) { return m_scan.add(line); };
    list.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            failFromReply(EventId::Pop3TransactionError,
                tr("%1 refused to list the mailbox").arg(m_setup.mailbox.host), reply.status);
            return;
        }
        m_scan.seal();
        if (--m_listingsPending == 0 && m_state == State::Listing)
            onListings();
    };
    m_session->send(std::move(list));
}

void MailboxRetrieval::onListings()
{
    const MailboxSettings &mb = m_setup.mailbox;
    if (m_haveUidl) {
        // Only after a complete, valid listing may the ledger forget what the server no longer
        // has. What it keeps is what it knows and the server still lists.
        QSet<QByteArray> present;
        for (qsizetype i = 0; i < m_uids.size(); ++i) {
            const QByteArray uid = m_uids.uidAt(i).toByteArray();
            if (m_setup.ledger->contains(uid))
                present.insert(uid);
        }
        if (Status retained = m_setup.ledger->retainOnly(present); !retained) {
            failWith(
                RetrievalReport::Outcome::Failed, EventId::StorageFailed, retained.error().message);
            return;
        }
    } else {
        raise(EventId::NoUniqueIds,
            tr("%1 does not support UIDL; messages are recognised by a digest of their "
               "header.")
                .arg(mb.host));
    }

    using Reason = RetrievalPlan::Reason;
    const RetrievalPlan plan = planRetrieval(m_scan, m_haveUidl ? &m_uids : nullptr,
        UidLedgerView(*m_setup.ledger), mb, QDateTime::currentSecsSinceEpoch());
    const int limitKb = mb.messageLimitKb();
    m_report.onServer = int(m_scan.entries().size());
    m_report.alreadyStored = int(plan.deletions.size()) + plan.count(Reason::Kept);
    m_report.tooLarge = plan.count(Reason::TooLarge) + plan.count(Reason::OversizedBefore);
    m_report.backlog = plan.count(Reason::Backlog);
    for (const RetrievalPlan::Left &l : plan.left) {
        const QByteArray uid =
            l.uidIndex >= 0 ? m_uids.uidAt(l.uidIndex).toByteArray() : QByteArray();
        if (l.reason == Reason::OversizedBefore) {
            raise(EventId::MessageTooLarge,
                tr("Message %1 was larger than the limit of %2 KB when it was retrieved "
                   "before, although %3 lists it as %4 bytes; it stays on the server and is "
                   "not downloaded again.")
                    .arg(l.number)
                    .arg(limitKb)
                    .arg(mb.host)
                    .arg(l.octets),
                QString::fromLatin1(uid));
        } else if (l.reason == Reason::TooLarge) {
            raise(EventId::MessageTooLarge,
                tr("Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4.")
                    .arg(l.number)
                    .arg((l.octets + 1023) / 1024)
                    .arg(limitKb)
                    .arg(mb.host),
                QString::fromLatin1(uid));
        }
    }
    for (const RetrievalPlan::Deletion &d : plan.deletions)
        sendDele(d.number, m_uids.uidAt(d.uidIndex).toByteArray(), d.spoolName);
    m_toRetrieve.assign(plan.retrievals.cbegin(), plan.retrievals.cend());
    m_progress.bytesTotal += plan.octetsToRetrieve();
    if (m_report.backlog > 0) {
        raise(EventId::BacklogRemaining,
            tr("%n new message(s) remain on the server for the next cycles.", nullptr,
                m_report.backlog));
    }
    m_progress.messagesTotal = int(m_toRetrieve.size());
    m_progress.phase = MailboxProgress::Phase::Retrieving;
    reportProgress(true);
    m_state = State::Transferring;
    pumpRetrievals();
    advance();
}

void MailboxRetrieval::pumpRetrievals()
{
    const int maxInFlight = m_caps.pipelining ? kMaxRetrInFlight : 1;
    while (!m_toRetrieve.empty() && !m_stopRequested && m_storageError.isEmpty()
        && m_retrInFlight < maxInFlight
        && (m_retrInFlight == 0
            || m_retrBytesInFlight + m_toRetrieve.front().octets <= kMaxRetrBytesInFlight)) {
        const RetrievalPlan::Retrieval wanted = m_toRetrieve.front();
        m_toRetrieve.pop_front();
        auto message = std::make_shared<Message>();
        message->number = wanted.number;
        message->octets = wanted.octets;
        if (wanted.uidIndex >= 0)
            message->uid = m_uids.uidAt(wanted.uidIndex).toByteArray();
        message->staged = std::make_unique<StagedMessage>(m_setup.spool, Spool::newMessageName());
        if (message->uid.isEmpty())
            message->digest = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        ++m_retrInFlight;
        m_retrBytesInFlight += message->octets;

        // RFC 1939 §5 RETR: the body streams into the staged file as it arrives.
        Pop3Session::Command c;
        c.line = "RETR " + QByteArray::number(message->number);
        c.multiLine = true;
        Message *raw = message.get();
        c.onData = [this, raw](QByteArrayView payload) { onRetrData(raw, payload); };
        c.onReply = [this, message](
                        const Pop3Session::Reply &reply) { onRetrReply(message, reply); };
        m_session->send(std::move(c));
    }
}

void MailboxRetrieval::onRetrData(Message *message, QByteArrayView payload)
{
    message->received += payload.size();
    m_progress.bytesDone += payload.size();
    if (message->oversized) {
        // Read and dropped to the end of the message, but only so far: a message that goes on
        // and on ends the connection instead.
        if (message->received
            > m_setup.mailbox.messageLimitKb() * qint64(1024) + kMaxDiscardBytes) {
            failWith(RetrievalReport::Outcome::Failed, EventId::MessageTooLarge,
                tr("%1 went on sending message %2 far beyond the limit of %3 KB, so the "
                   "connection was dropped. Messages already stored are deleted from the server "
                   "on the next cycle; the others are retrieved then.")
                    .arg(m_setup.mailbox.host)
                    .arg(message->number)
                    .arg(m_setup.mailbox.messageLimitKb()),
                Ending::Drop);
        }
        return;
    }
    if (message->received > m_setup.mailbox.messageLimitKb() * qint64(1024)) {
        onOutgrown(message);
        return;
    }
    if (message->digest && message->digested < kDigestBytes) {
        const qsizetype take =
            qsizetype(std::min<qint64>(payload.size(), kDigestBytes - message->digested));
        message->digest->addData(payload.first(take));
        message->digested += take;
    }
    if (!message->staged->append(payload) && m_storageError.isEmpty())
        m_storageError = message->staged->error();
    reportProgress();
}

// The server sends more than the limit, whatever LIST said: nothing more is stored, the
// message stays on the server, and its UIDL is remembered so that later cycles do not
// download it again (DESIGN.md "Download").
void MailboxRetrieval::onOutgrown(Message *message)
{
    const MailboxSettings &mb = m_setup.mailbox;
    message->oversized = true;
    message->staged->discard();
    QString remembered;
    if (!message->uid.isEmpty()) {
        const Status marked = m_setup.ledger->markOversized(
            message->uid, QDateTime::currentSecsSinceEpoch(), mb.messageLimitKb());
        if (!marked && m_storageError.isEmpty())
            m_storageError = marked.error().message;
        remembered = tr(" It is not downloaded again.");
    }
    raise(EventId::MessageTooLarge,
        tr("Message %1 is larger than the limit of %2 KB, although %3 listed it as %4 bytes; "
           "it was left on the server.")
                .arg(message->number)
                .arg(mb.messageLimitKb())
                .arg(mb.host)
                .arg(message->octets)
            + remembered,
        QString::fromLatin1(message->uid));
}

void MailboxRetrieval::onRetrReply(
    std::shared_ptr<Message> message, const Pop3Session::Reply &reply)
{
    --m_retrInFlight;
    m_retrBytesInFlight -= message->octets;
    ++m_progress.messagesDone;
    const MailboxSettings &mb = m_setup.mailbox;

    if (message->oversized) {
        ++m_report.tooLarge; // read to its end and dropped; never deleted
    } else if (!reply.status.ok) {
        message->staged->discard();
        ++m_report.unavailable;
        raise(EventId::MessageUnavailable,
            tr("%1 refused to send message %2: %3")
                .arg(mb.host)
                .arg(message->number)
                .arg(QString::fromUtf8(reply.status.text)),
            QString::fromLatin1(message->uid));
    } else if (!m_storageError.isEmpty() || message->staged->hasFailed()) {
        message->staged->discard();
    } else {
        if (message->uid.isEmpty()) {
            message->digest->addData(QByteArray::number(message->staged->size()));
            message->uid = "sha256:" + message->digest->result().toHex();
            if (const std::optional<UidLedger::Entry> stored = m_setup.ledger->find(message->uid)) {
                message->staged->discard();
                ++m_report.alreadyStored;
                if (deleting())
                    sendDele(message->number, message->uid, stored->spoolName);
                pumpRetrievals();
                advance();
                return;
            }
        }
        MessageMetadata meta;
        meta.mailbox = mb.name;
        meta.server = mb.host;
        meta.user = mb.user;
        meta.uid = message->uid;
        meta.retrieved = QDateTime::currentDateTimeUtc();
        meta.size = message->staged->size();
        if (message->staged->finish(meta))
            submitForCommit(message);
        else if (m_storageError.isEmpty())
            m_storageError = message->staged->error();
    }
    reportProgress();
    pumpRetrievals();
    advance();
}

void MailboxRetrieval::submitForCommit(std::shared_ptr<Message> message)
{
    ++m_commitsInFlight;
    message->staged->release();
    CommitItem item {message->staged->name(), message->uid, QDateTime::currentSecsSinceEpoch(),
        message->staged->size(), message->staged->metadataSize()};
    m_setup.committer->submit(m_setup.ledger, {item}, this,
        [this, message](const QString &error) { onCommitted({message}, error); });
}

void MailboxRetrieval::onCommitted(
    const QList<std::shared_ptr<Message>> &messages, const QString &error)
{
    --m_commitsInFlight;
    if (!error.isEmpty()) {
        if (m_storageError.isEmpty())
            m_storageError = error;
    } else {
        for (const std::shared_ptr<Message> &m : messages) {
            ++m_report.stored;
            m_report.bytes += m->staged->size();
            raise(EventId::MessageStored,
                tr("Message %1 (%2 bytes) stored as %3.")
                    .arg(m->number)
                    .arg(m->staged->size())
                    .arg(m->staged->name()),
                QString::fromLatin1(m->uid));
            // Durable in Incoming Mail and in the ledger: now, and only now, DELE.
            if (deleting())
                sendDele(m->number, m->uid, m->staged->name());
        }
    }
    advance();
}

// RFC 1939 §5 DELE: marks the message; the server removes it only when QUIT succeeds.
void MailboxRetrieval::sendDele(int number, const QByteArray &uid, const QString &spoolName)
{
    if (m_state != State::Listing && m_state != State::Transferring)
        return; // the session is gone; the ledger has the message, the next cycle deletes it
    Pop3Session::Command c;
    c.line = "DELE " + QByteArray::number(number);
    c.onReply = [this, number, uid, spoolName](const Pop3Session::Reply &reply) {
        if (reply.status.ok) {
            ++m_report.deleted;
            m_deleted.append(QString::fromLatin1(uid) + u' ' + spoolName);
            if (!m_haveUidl)
                m_deletedWithoutUidl.insert(uid);
        } else {
            raise(EventId::Pop3TransactionError,
                tr("%1 refused to delete message %2: %3")
                    .arg(m_setup.mailbox.host)
                    .arg(number)
                    .arg(QString::fromUtf8(reply.status.text)),
                QString::fromLatin1(uid));
        }
    };
    m_session->send(std::move(c));
}

void MailboxRetrieval::advance()
{
    switch (m_state) {
    case State::Transferring: {
        const bool nothingLeft =
            m_toRetrieve.empty() || m_stopRequested || !m_storageError.isEmpty();
        if (nothingLeft && m_retrInFlight == 0 && m_commitsInFlight == 0) {
            if (!m_storageError.isEmpty()) {
                failWith(RetrievalReport::Outcome::Failed, EventId::StorageFailed,
                    tr("Cannot store mail from %1: %2. Retrieval stopped; undelivered "
                       "messages stay on the server.")
                        .arg(m_setup.mailbox.host, m_storageError));
                return;
            }
            quit();
        }
        break;
    }
    case State::Done:
        if (m_commitsInFlight == 0)
            finish();
        break;
    default:
        break;
    }
}

// RFC 1939 §6: QUIT ends the transaction; only its +OK makes the DELEs take effect.
void MailboxRetrieval::quit()
{
    m_state = State::Quitting;
    m_progress.phase = MailboxProgress::Phase::Finishing;
    reportProgress(true);
    Pop3Session::Command c;
    c.line = "QUIT";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (reply.status.ok) {
            // RFC 1939 §6: the server has removed what was marked. Each of those is durable in
            // the spool (DELE follows the commit); the harness checks that promise.
            DurableFs::acknowledge(
                DurableFs::Acknowledgement::ServerDeleted, m_setup.mailbox.name, m_deleted);
            if (!m_deletedWithoutUidl.isEmpty()) {
                // Left in the ledger, a digest would take a later message with the same header
                // and size for this one, and delete it unread.
                if (Status forgotten = m_setup.ledger->remove(m_deletedWithoutUidl); !forgotten)
                    raise(EventId::StorageFailed, forgotten.error().message);
            }
        } else {
            // RFC 1939 §6: -ERR to QUIT means the server removed nothing; mail did not move.
            const QString text =
                tr("%1 answered QUIT with \"%2\", so it deleted nothing. The stored messages are "
                   "deleted on the next cycle without being retrieved again.")
                    .arg(m_setup.mailbox.host, QString::fromUtf8(reply.status.text));
            if (m_report.outcome == RetrievalReport::Outcome::Succeeded) {
                m_report.outcome = RetrievalReport::Outcome::Failed;
                m_report.failureId = EventId::QuitRefused;
                m_report.failureText = text;
            }
            raise(EventId::QuitRefused, text);
            m_report.deleted = 0;
        }
        m_session->close();
        m_state = State::Done;
        advance();
    };
    m_session->send(std::move(c));
}

void MailboxRetrieval::onSessionFailed(const SessionFailure &failure)
{
    const MailboxSettings &mb = m_setup.mailbox;
    if (m_state == State::Quitting) {
        raise(EventId::QuitNotConfirmed,
            tr("%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are "
               "deleted on the next cycle without being retrieved again.")
                .arg(mb.host, failure.detail));
        m_report.deleted = 0;
        m_state = State::Done;
        advance();
        return;
    }
    if (m_state == State::Done)
        return;
    EventId id = EventId::ConnectionFailed;
    QString text;
    switch (failure.error) {
    case SessionError::HostNotFound:
        id = EventId::HostNotFound;
        text = tr("Cannot find the POP3 server %1: %2").arg(mb.host, failure.detail);
        break;
    case SessionError::ConnectionRefused:
    case SessionError::Network:
        id = EventId::ConnectionFailed;
        text = tr("Cannot connect to %1 port %2: %3").arg(mb.host).arg(mb.port).arg(failure.detail);
        break;
    case SessionError::Dropped:
        id = EventId::ConnectionDropped;
        text = tr("%1 closed the connection unexpectedly").arg(mb.host);
        break;
    case SessionError::TlsCertificate:
        id = EventId::CertificateUntrusted;
        text = tr("The certificate of %1 is not trusted: %2").arg(mb.host, failure.detail);
        break;
    case SessionError::TlsHandshake:
        id = EventId::TlsFailed;
        text = tr("TLS with %1 port %2 failed: %3").arg(mb.host).arg(mb.port).arg(failure.detail);
        break;
    case SessionError::Timeout:
        id = EventId::ServerTimeout;
        text = tr("%1 stopped answering: %2").arg(mb.host, failure.detail);
        break;
    case SessionError::ProtocolViolation:
    case SessionError::LimitExceeded:
        id = EventId::ProtocolViolation;
        text = tr("%1: %2").arg(mb.host, failure.detail);
        break;
    }
    failWith(RetrievalReport::Outcome::Failed, id, text, Ending::Drop);
}

void MailboxRetrieval::failFromReply(
    EventId fallback, const QString &what, const StatusLine &status)
{
    QString text = what + QStringLiteral(": \"") + QString::fromUtf8(status.text) + u'"';
    if (!status.codeText.isEmpty())
        text += QStringLiteral(" [%1]").arg(QString::fromLatin1(status.codeText));
    // RFC 2449 §8.1 and RFC 3206: the response code says whether waiting will help.
    switch (status.code) {
    case ResponseCode::InUse:
    case ResponseCode::LoginDelay:
        failWith(RetrievalReport::Outcome::Deferred, EventId::MailboxBusy, text);
        return;
    case ResponseCode::SysTemp:
        failWith(RetrievalReport::Outcome::Deferred, EventId::ServerTemporaryFailure, text);
        return;
    case ResponseCode::SysPerm:
        failWith(RetrievalReport::Outcome::Failed, EventId::ServerPermanentFailure, text);
        return;
    case ResponseCode::Auth:
        failWith(RetrievalReport::Outcome::Failed, EventId::AuthenticationFailed, text);
        return;
    default:
        failWith(RetrievalReport::Outcome::Failed, fallback, text);
        return;
    }
}

void MailboxRetrieval::failWith(
    RetrievalReport::Outcome outcome, EventId id, const QString &text, Ending ending)
{
    if (m_report.outcome == RetrievalReport::Outcome::Succeeded) {
        m_report.outcome = outcome;
        m_report.failureId = id;
        m_report.failureText = text;
        raise(id, text);
    }
    const bool talking = m_state == State::Capabilities || m_state == State::StartingTls
        || m_state == State::Authenticating || m_state == State::Listing
        || m_state == State::Transferring;
    if (ending == Ending::Quit && talking && m_retrInFlight == 0) {
        quit();
        return;
    }
    if (m_session)
        m_session->abort();
    m_state = State::Done;
    advance();
}

void MailboxRetrieval::requestStop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const bool first = !m_stopRequested;
    m_stopRequested = true;
    if (m_state == State::Transferring || m_state == State::Quitting) {
        if (first)
            m_stopDeadline.start(m_setup.timeoutMs / 2);
        if (m_state == State::Transferring)
            advance();
    } else if (m_state != State::Done) {
        cancel();
    }
}

// A stop must end the retrieval within the timeout, whatever the server does: what is stored
// stays stored (the ledger has it, so the next cycle deletes it without downloading it).
void MailboxRetrieval::onStopDeadline()
{
    if (m_state == State::Done || m_finished)
        return;
    if (!m_stopDeadlinePassed && m_retrInFlight == 0) {
        // Only our own commits or the QUIT reply are awaited: a little longer.
        m_stopDeadlinePassed = true;
        m_stopDeadline.start(m_setup.timeoutMs / 4);
        return;
    }
    if (m_state == State::Quitting) {
        m_session->abort();
        raise(EventId::QuitNotConfirmed,
            tr("%1 did not answer QUIT before the connector stopped, so it deleted nothing. The "
               "stored messages are deleted on the next cycle without being retrieved again.")
                .arg(m_setup.mailbox.host));
        m_report.deleted = 0;
        m_state = State::Done;
        advance();
        return;
    }
    failWith(RetrievalReport::Outcome::Cancelled, EventId::RetrievalCancelled,
        tr("Retrieval of %1 was stopped with %n message(s) still arriving; they stay on the "
           "server for the next cycle.",
            nullptr, m_retrInFlight)
            .arg(m_setup.mailbox.name),
        Ending::Drop);
}

void MailboxRetrieval::cancel()
{
    if (m_state == State::Done || m_finished)
        return;
    m_cancelled = true;
    m_stopRequested = true;
    failWith(RetrievalReport::Outcome::Cancelled, EventId::RetrievalCancelled,
        tr("Retrieval of %1 was cancelled.").arg(m_setup.mailbox.name), Ending::Drop);
}

void MailboxRetrieval::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_toRetrieve.clear();
    m_progress.phase = MailboxProgress::Phase::Done;
    reportProgress(true);
    if (m_report.outcome == RetrievalReport::Outcome::Succeeded) {
        raise(EventId::RetrievalFinished,
            tr("%1: %2 new message(s) stored, %3 deleted from the server, %4 left there.")
                .arg(m_setup.mailbox.name)
                .arg(m_report.stored)
                .arg(m_report.deleted)
                .arg(std::max(0, m_report.onServer - m_report.deleted)));
    }
    Q_EMIT finished(m_report);
}

} // namespace Pop3Connector
