#include "serviceprocess.h"

#include "service/controlclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

bool ServiceProcess::start(const QString &ini, const QString &socket, const QString &locale)
{
    stop();
    m_process = std::make_unique<ChildProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (!locale.isEmpty())
        m_process->setProcessEnvironment(environmentInLocale(locale));
    m_process->start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini});
    return QTest::qWaitFor(
               [&] {
                   if (m_process->state() == QProcess::NotRunning)
                       return true;
                   Pop3Connector::Control::Client probe(QStringLiteral("probe"));
                   probe.connectToService(socket);
                   return QTest::qWaitFor(
                              [&] {
                                  return probe.state()
                                      != Pop3Connector::Control::Client::State::Connecting;
                              },
                              2000)
                       && probe.isReady();
               },
               20000)
        && isRunning();
}

void ServiceProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        QSignalSpy finished(m_process.get(), &QProcess::finished);
        if (m_process->state() != QProcess::NotRunning && !finished.wait(30000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

bool ServiceProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

CtlRun runCtl(const QString &ini, const QStringList &args, int timeoutMs)
{
    ChildProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(P3C_CTL), QStringList {QStringLiteral("--config"), ini} + args);
    p.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QString serviceIni(quint16 lmtpPort, const QString &connectorKeys, const QString &sections)
{
    return QStringLiteral("[connector]\nspool = spool\nschedule_enabled = false\n"
                          "password_store = files\ncontrol_socket = run/control\n%1\n"
                          "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %2\n\n%3")
        .arg(connectorKeys)
        .arg(lmtpPort)
        .arg(sections);
}

bool writeTestFile(const QString &path, const QByteArray &bytes, bool secret)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return !secret || f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
