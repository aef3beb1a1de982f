#include "pipeline/dispatch/dispatcher.h"

#include "pipeline/dispatch/deliverypolicy.h"
#include "pipeline/dispatch/pickupshare.h"
#include "pipeline/dispatch/pickupsync.h"
#include "spool/spoolbrowser.h"

#include <QThread>

namespace Pop3Connector {

Dispatcher::Dispatcher(const Spool &spool, const Configuration &configuration, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_configuration(configuration)
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("dispatch"));
    m_sync = new PickupSync(m_spool.folderPath(SpoolFolder::PickUp));
    m_sync->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_sync, &QObject::deleteLater);
    connect(m_sync, &PickupSync::syncFailed, this, [this](const Error &error) {
        if (describe(EventId::LocalServerSessionFailed).level <= m_configuration.connector.logLevel)
            Q_EMIT eventRaised(Event::make(EventId::LocalServerSessionFailed, error.message));
    });
    connect(m_sync, &PickupSync::removalFailed, this, [this](const QString &name, const Error &e) {
        if (describe(EventId::LocalServerSessionFailed).level <= m_configuration.connector.logLevel)
            Q_EMIT eventRaised(Event::make(
                EventId::LocalServerSessionFailed, PickupShare::removalFailure(name, e), {}, name));
    });
    m_thread->start();
}

Dispatcher::~Dispatcher()
{
    m_thread->quit();
    m_thread->wait();
}

void Dispatcher::run(const QByteArray &password)
{
    Q_ASSERT(!isRunning());
    m_report = DispatchReport {};
    DeliverySession::Setup setup;
    setup.spool = m_spool;
    setup.delivery = m_configuration.delivery;
    setup.password = password;
    setup.timeoutMs = m_configuration.connector.timeoutSeconds * 1000;
    setup.logLevel = m_configuration.connector.logLevel;
    setup.transcript = m_configuration.connector.logLevel == LogLevel::Maximum;
    setup.channelFactory = m_channelFactory;
    setup.pickupSync = m_sync;
    setup.journal = m_journal;
    const QList<QStringList> shares = DeliveryPolicy::dealOut(
        SpoolBrowser(m_spool).names(SpoolFolder::PickUp), m_configuration.delivery.connections);
    for (const QStringList &share : shares) {
        setup.names = share;
        auto *session = new DeliverySession(setup);
        session->moveToThread(m_thread);
        // A session still running when the thread ends (the dispatcher destroyed mid-delivery) goes
        // with it.
        connect(m_thread, &QThread::finished, session, &QObject::deleteLater);
        connect(session, &DeliverySession::eventRaised, this, &Dispatcher::eventRaised);
        connect(session, &DeliverySession::transcriptLine, this,
            [this](TranscriptDirection direction, const QByteArray &line) {
                Q_EMIT transcriptLine(QStringLiteral("delivery"), direction, line);
            });
        connect(session, &DeliverySession::finished, this,
            [this, session](const DispatchReport &r) { onSessionFinished(session, r); });
        m_sessions.append(session);
    }
    for (DeliverySession *session : std::as_const(m_sessions))
        QMetaObject::invokeMethod(session, &DeliverySession::start, Qt::QueuedConnection);
}

void Dispatcher::onSessionFinished(DeliverySession *session, const DispatchReport &report)
{
    m_report.add(report);
    m_sessions.removeOne(session);
    session->deleteLater();
    if (m_sessions.isEmpty())
        Q_EMIT finished(m_report);
}

void Dispatcher::requestStop()
{
    for (DeliverySession *session : std::as_const(m_sessions))
        QMetaObject::invokeMethod(session, &DeliverySession::requestStop, Qt::QueuedConnection);
}

void Dispatcher::cancel()
{
    for (DeliverySession *session : std::as_const(m_sessions))
        QMetaObject::invokeMethod(session, &DeliverySession::cancel, Qt::QueuedConnection);
}

} // namespace Pop3Connector
