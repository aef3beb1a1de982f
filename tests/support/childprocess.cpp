#include "childprocess.h"

#include <QDir>
#include <QFile>

#include <climits>
#include <sys/prctl.h>
#include <unistd.h>

ChildProcess::ChildProcess(int signal, QObject *parent)
    : QProcess(parent)
{
    const pid_t test = ::getpid();
    // Runs in the child between fork and exec: async-signal-safe calls only.
    setChildProcessModifier([signal, test] {
        ::prctl(PR_SET_PDEATHSIG, signal);
        // The test ended before the line above took effect: nobody would send the signal.
        if (::getppid() != test)
            ::_exit(127);
    });
}

namespace {

// Where a /proc link points; a folder deleted since reads "PATH (deleted)".
QString procLink(const QByteArray &path)
{
    char target[PATH_MAX];
    const ssize_t n = ::readlink(path.constData(), target, sizeof target);
    if (n <= 0)
        return {};
    QString s = QFile::decodeName(QByteArray(target, int(n)));
    if (s.endsWith(QLatin1String(" (deleted)")))
        s.chop(10);
    return s;
}

bool isUnder(const QString &path, const QStringList &folders)
{
    for (const QString &f : folders) {
        if (path == f || path.startsWith(f + u'/'))
            return true;
    }
    return false;
}

} // namespace

QList<qint64> processesUnder(const QString &folder)
{
    QStringList folders {QDir::cleanPath(folder)};
    if (const QString canonical = QDir(folder).canonicalPath(); !canonical.isEmpty())
        folders.append(canonical);
    folders.removeDuplicates();
    QList<qint64> found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &name : pids) {
        bool numeric = false;
        const qint64 pid = name.toLongLong(&numeric);
        if (!numeric || pid == ::getpid())
            continue;
        const QByteArray proc = "/proc/" + name.toLatin1();
        QFile stat(QString::fromLatin1(proc + "/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses.
        const QByteArray s = stat.readAll();
        const qsizetype close = s.lastIndexOf(')');
        if (close < 0 || close + 2 >= s.size() || s.at(close + 2) == 'Z')
            continue;
        QFile cmdline(QString::fromLatin1(proc + "/cmdline"));
        cmdline.open(QIODevice::ReadOnly);
        const QStringList argv = QFile::decodeName(cmdline.readAll()).split(QChar(0));
        bool ours =
            isUnder(procLink(proc + "/cwd"), folders) || isUnder(procLink(proc + "/root"), folders);
        for (const QString &arg : argv) {
            for (const QString &f : std::as_const(folders))
                ours = ours || arg == f || arg.contains(f + u'/');
        }
        if (ours)
            found.append(pid);
    }
    return found;
}

QProcessEnvironment environmentInLocale(const QString &locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), locale);
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.remove(QStringLiteral("LANGUAGE"));
    return env;
}
