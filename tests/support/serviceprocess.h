#pragma once

#include "childprocess.h"

#include <QString>
#include <QStringList>

#include <memory>

// A pop3connectord for one test, on a configuration file of the test's: started and up when it
// answers on its control socket; stopped as systemd stops it (SIGTERM, SIGKILL after 30 s).
class ServiceProcess
{
public:
    ServiceProcess() = default;
    ~ServiceProcess() { stop(); }
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    // True once it answers on `socket`; false when it ended first or did not answer in 20 s.
    // With a `locale`, the service speaks that locale's language (environmentInLocale()).
    [[nodiscard]] bool start(
        const QString &ini, const QString &socket, const QString &locale = QString());
    void stop();
    bool isRunning() const;
    ChildProcess *process() const { return m_process.get(); }

private:
    std::unique_ptr<ChildProcess> m_process;
};

// What pop3connectorctl printed and how it ended; `code` is -1 when it did not end in time.
struct CtlRun
{
    int code = -1;
    QString out;
    QString err;
};
CtlRun runCtl(const QString &ini, const QStringList &args, int timeoutMs = 120000);

// The [connector] and [delivery] sections the service's tests share: the spool and the control
// socket (run/control) beside the file, passwords in files, no schedule, delivery by LMTP to
// `lmtpPort` on 127.0.0.1. `connectorKeys` are more lines of [connector]; `sections` follow
// [delivery] (the mailboxes).
QString serviceIni(
    quint16 lmtpPort, const QString &connectorKeys = {}, const QString &sections = {});

// Writes `bytes` to `path`, replacing it; private to the owner when `secret` (a password file).
bool writeTestFile(const QString &path, const QByteArray &bytes, bool secret = false);
