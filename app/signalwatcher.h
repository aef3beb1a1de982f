#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal on the main thread (the handler only writes a
// byte to a socket pair; everything else happens in the event loop).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int count);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};
