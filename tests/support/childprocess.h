#pragma once

#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <csignal>

// A process a test starts that never outlives the test. The kernel sends it `signal` when the
// test process ends in any way: a normal return, QFAIL, qFatal, a crash, kill -9 by a CTest
// timeout. Destroying the object kills it, as for any QProcess. Start it from the main thread:
// the signal follows the death of the thread that started the process.
class ChildProcess : public QProcess
{
public:
    explicit ChildProcess(int signal = SIGKILL, QObject *parent = nullptr);
};

// Running processes (not zombies) whose working directory, root or command line lies under
// `folder`: what a server started there left behind.
QList<qint64> processesUnder(const QString &folder);

// This process's environment with the locale `locale` alone (LANG and LC_ALL; LANGUAGE, which
// would choose the translation before them, removed): a program's words in that language.
QProcessEnvironment environmentInLocale(const QString &locale);
