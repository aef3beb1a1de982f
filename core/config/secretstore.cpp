#include "config/secretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

// Free functions here translate in the context lupdate gives them; classes declare their own.
QString tr(const char *text)
{
    return QCoreApplication::translate("Pop3Connector", text);
}

// Runs a keychain job with a timeout and calls `finish` exactly once, in the job's thread.
void runJob(QKeychain::Job *job, int timeoutMs,
    std::function<void(QKeychain::Job *job, bool timedOut)> finish)
{
    auto done = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [=](QKeychain::Job *j) {
        if (std::exchange(*done, true))
            return;
        finish(j, false);
    });
    QObject::connect(timer, &QTimer::timeout, job, [=] {
        if (std::exchange(*done, true))
            return;
        finish(job, true);
        // The job may still be waiting on D-Bus; it is deleted when it ends.
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

// Makes a job of type J for `key` on `home`'s thread, lets `setup` complete it, and runs it with
// the timeout; `finish` gets it there. QtKeychain's jobs share state between them, so they all
// run on that one thread, whichever thread asks.
template<typename J>
void startJob(QObject *home, const QString &service, int timeoutMs, const QString &key,
    std::function<void(J *job)> setup,
    std::function<void(QKeychain::Job *job, bool timedOut)> finish)
{
    QMetaObject::invokeMethod(
        home,
        [=] {
            auto *job = new J(service);
            job->setKey(key);
            if (setup)
                setup(job);
            runJob(job, timeoutMs, finish);
        },
        Qt::QueuedConnection);
}

// Hands a result to `context`'s thread, unless `context` is gone.
template<typename Done, typename Result>
void deliver(const QPointer<QObject> &context, Done done, Result result)
{
    if (context) {
        QMetaObject::invokeMethod(
            context.data(), [done, result] { done(result); }, Qt::QueuedConnection);
    }
}

QString keychainError(QKeychain::Job *job, bool timedOut)
{
    if (timedOut)
        return tr("the system keychain did not answer (is it locked, or waiting for a password "
                  "prompt?)");
    return job->errorString();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
    , m_home(std::make_unique<QObject>())
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    startJob<QKeychain::ReadPasswordJob>(m_home.get(), m_service, m_timeoutMs, key, {},
        [context = QPointer<QObject>(context), done](QKeychain::Job *j, bool timedOut) {
            ReadResult r;
            if (!timedOut && j->error() == QKeychain::NoError) {
                r.status = Status::Found;
                r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData().toUtf8();
            } else if (!timedOut && j->error() == QKeychain::EntryNotFound) {
                r.status = Status::NotFound;
            } else {
                // QtKeychain's libsecret backend reports every missing or locked keychain as
                // OtherError; anything but "found" or "not found" means no usable keychain.
                r.status = Status::Unavailable;
                r.error = keychainError(j, timedOut);
            }
            deliver(context, done, r);
        });
}

void KeychainSecretStore::write(
    const QString &key, const QByteArray &secret, QObject *context, WriteDone done)
{
    startJob<QKeychain::WritePasswordJob>(
        m_home.get(), m_service, m_timeoutMs, key,
        [secret](QKeychain::WritePasswordJob *job) { job->setTextData(QString::fromUtf8(secret)); },
        [context = QPointer<QObject>(context), done](QKeychain::Job *j, bool timedOut) {
            const bool ok = !timedOut && j->error() == QKeychain::NoError;
            deliver(context, done, ok ? QString() : keychainError(j, timedOut));
        });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteDone done)
{
    startJob<QKeychain::DeletePasswordJob>(m_home.get(), m_service, m_timeoutMs, key, {},
        [context = QPointer<QObject>(context), done](QKeychain::Job *j, bool timedOut) {
            const bool ok = !timedOut
                && (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound);
            deliver(context, done, ok ? QString() : keychainError(j, timedOut));
        });
}

PasswordFileResult readPasswordFile(const QString &path)
{
    PasswordFileResult r;
    const QByteArray native = QFile::encodeName(path);
    struct stat st = {};
    if (::stat(native.constData(), &st) != 0) {
        r.error = tr("the password file %1 does not exist or cannot be reached").arg(path);
        return r;
    }
    if (st.st_uid != ::geteuid()) {
        r.insecure = true;
        r.error = tr("the password file %1 belongs to another user; make the connector's user "
                     "its owner")
                      .arg(path);
        return r;
    }
    if ((st.st_mode & 077) != 0) {
        r.insecure = true;
        r.error = tr("the password file %1 can be read by other users (mode %2); run chmod 600 %1")
                      .arg(path)
                      .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'));
        return r;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = tr("cannot read the password file %1: %2").arg(path, f.errorString());
        return r;
    }
    QByteArray line = f.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        r.error = tr("the password file %1 is empty; put the password on its first line").arg(path);
        return r;
    }
    r.password = line;
    return r;
}

} // namespace Pop3Connector
