#include "traynotifier.h"

#include "servicecontroller.h"

#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace Pop3Connector {

TrayNotifier::TrayNotifier(ServiceController *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(icon(Health::Ok), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT activated();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
        m_tray->show();
    }
    connect(m_service, &ServiceController::statusChanged, this, &TrayNotifier::update);
    connect(m_service, &ServiceController::serviceStateChanged, this, &TrayNotifier::update);
    connect(m_service, &ServiceController::folderChanged, this, &TrayNotifier::update);
    update();
}

QIcon TrayNotifier::icon(Health health)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = health == Health::Ok ? QColor(0x2e, 0x7d, 0x32)
        : health == Health::Warning            ? QColor(0xe0, 0x9b, 0x00)
                                               : QColor(0xc6, 0x28, 0x28);
    p.setBrush(colour);
    p.setPen(QPen(colour.darker(140), 3));
    p.drawEllipse(QRectF(4, 4, 56, 56));
    p.setPen(QPen(Qt::white, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (health) {
    case Health::Ok: // a tick
        p.drawPolyline(QPolygonF({QPointF(18, 33), QPointF(28, 43), QPointF(46, 22)}));
        break;
    case Health::Warning: // an exclamation mark
        p.drawLine(QPointF(32, 16), QPointF(32, 36));
        p.drawPoint(QPointF(32, 47));
        break;
    case Health::Failing: // a cross
        p.drawLine(QPointF(21, 21), QPointF(43, 43));
        p.drawLine(QPointF(43, 21), QPointF(21, 43));
        break;
    }
    return QIcon(pixmap);
}

QString TrayNotifier::summary() const
{
    QString state;
    if (!m_service->isRunning())
        state = tr("POP3 Connector: the connector is not running");
    else if (m_health == Health::Failing)
        state = tr("POP3 Connector: mail is not moving");
    else if (m_health == Health::Warning)
        state = tr("POP3 Connector: something needs a look");
    else
        state = tr("POP3 Connector: working");
    QStringList lines = {state};
    for (const OpenProblem &p : m_service->openProblems())
        lines.append(AlertPolicy::titleOf(p));
    if (m_failedMail > 0)
        lines.append(tr("Failed Mail (%1)").arg(m_failedMail));
    return lines.join(u'\n');
}

void TrayNotifier::retranslate()
{
    if (m_tray)
        m_tray->setToolTip(summary());
}

void TrayNotifier::update()
{
    AlertStatus status;
    status.reachable = m_service->isRunning();
    status.deliveryOn = m_service->isDispatchEnabled();
    status.failedMail = m_service->folderCount(SpoolFolder::Failed);
    status.problems = m_service->openProblems();
    const AlertDecision d = AlertPolicy::decide(m_told, status);
    m_told = d.next;
    const int failed = status.reachable ? status.failedMail : m_failedMail;
    if (failed != m_failedMail) {
        m_failedMail = failed;
        Q_EMIT failedMailChanged(failed);
    }
    if (d.health != m_health) {
        m_health = d.health;
        if (m_tray)
            m_tray->setIcon(icon(m_health));
        Q_EMIT healthChanged(m_health);
    }
    if (m_tray)
        m_tray->setToolTip(summary());
    for (const Alert &a : d.alerts) {
        if (m_tray) {
            m_tray->showMessage(a.title, a.text,
                a.severity == Health::Failing ? QSystemTrayIcon::Critical
                                              : QSystemTrayIcon::Warning);
        }
        Q_EMIT notified(a);
    }
}

} // namespace Pop3Connector
