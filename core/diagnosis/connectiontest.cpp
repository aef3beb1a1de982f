#include "diagnosis/connectiontest.h"

#include "base/workerthread.h"

namespace Pop3Connector {

ConnectionTest::ConnectionTest(
    const MailboxSettings &mailbox, const QByteArray &password, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<WorkerThread>(QStringLiteral("connection-test")))
{
    MailboxRetrieval::Setup setup;
    setup.mailbox = mailbox;
    setup.password = password;
    setup.timeoutMs = timeoutMs;
    setup.logLevel = LogLevel::None;
    setup.transcript = true;
    setup.probeOnly = true;
    // The channel the retrieval would make, and what its server presented when it was refused:
    // what an administrator compares before trusting a certificate.
    setup.channelFactory = [trust = TlsTrust {mailbox.caFile, mailbox.caPinned},
                               refused = m_refused]() -> Channel * {
        auto *channel = new SocketChannel(trust);
        connect(channel, &Channel::failed, channel, [channel, refused](ChannelError error) {
            if (error != ChannelError::TlsCertificate)
                return;
            const QMutexLocker lock(&refused->mutex);
            refused->chain = channel->peerCertificateChain();
        });
        return channel;
    };
    m_retrieval = m_thread->adopt(new MailboxRetrieval(setup));
    connect(m_retrieval, &MailboxRetrieval::transcriptLine, this,
        [this](const QString &, TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(direction, line);
        });
    // Queued as the lines are, so each note's phrase follows its line.
    connect(m_retrieval, &MailboxRetrieval::transcriptNoted, this,
        [this](const QString &, const Phrase &note) { Q_EMIT transcriptNoted(note); });
    connect(m_retrieval, &MailboxRetrieval::finished, this,
        [this](const RetrievalReport &report) { Q_EMIT finished(report); });
}

ConnectionTest::~ConnectionTest() = default; // the thread stops with its retrieval

void ConnectionTest::start()
{
    QMetaObject::invokeMethod(m_retrieval, &MailboxRetrieval::start, Qt::QueuedConnection);
}

QList<QSslCertificate> ConnectionTest::refusedCertificates() const
{
    const QMutexLocker lock(&m_refused->mutex);
    return m_refused->chain;
}

void ConnectionTest::cancel()
{
    QMetaObject::invokeMethod(m_retrieval, &MailboxRetrieval::cancel, Qt::QueuedConnection);
}

} // namespace Pop3Connector
