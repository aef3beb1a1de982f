#include "service/connectiontest.h"

#include <QThread>

namespace Pop3Connector {

ConnectionTest::ConnectionTest(
    const MailboxSettings &mailbox, const QByteArray &password, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    MailboxRetrieval::Setup setup;
    setup.mailbox = mailbox;
    setup.password = password;
    setup.timeoutMs = timeoutMs;
    setup.logLevel = LogLevel::None;
    setup.transcript = true;
    setup.probeOnly = true;
    m_retrieval = new MailboxRetrieval(setup);
    m_retrieval->moveToThread(m_thread);
    m_thread->setObjectName(QStringLiteral("connection-test"));
    connect(m_thread, &QThread::started, m_retrieval, &MailboxRetrieval::start);
    connect(m_thread, &QThread::finished, m_retrieval, &QObject::deleteLater);
    connect(m_retrieval, &MailboxRetrieval::transcriptLine, this,
        [this](const QString &, TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(direction, line);
        });
    connect(m_retrieval, &MailboxRetrieval::finished, this, [this](const RetrievalReport &report) {
        m_thread->quit();
        Q_EMIT finished(report);
    });
}

ConnectionTest::~ConnectionTest()
{
    m_thread->quit();
    m_thread->wait();
}

void ConnectionTest::start()
{
    m_thread->start();
}

void ConnectionTest::cancel()
{
    QMetaObject::invokeMethod(m_retrieval, &MailboxRetrieval::cancel, Qt::QueuedConnection);
}

} // namespace Pop3Connector
