<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Ctl</name>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectorctl: no password given; nothing stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectorctl: no service answers on %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running cycle is being cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cycle was running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server stopped; mail collects in PickUp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requeued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, process %3, user %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle: %1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle: idle; next run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle: idle; no schedule (schedule_enabled = false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery: on</source>
        <translation>Delivery: on</translation>
    </message>
    <message>
        <source>Delivery: stopped; mail collects in PickUp</source>
        <translation>Delivery: stopped; mail collects in PickUp</translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Stages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not retrieved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Cycle %1 requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 What to do: %3</source>
        <translation type="unfinished">%1: %2
What to do: %3 {1:?} {2 ?}</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Message %1 written to %2 (%3 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1 stored in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The connection works: %n message(s) waiting.</source>
        <translation>
            <numerusform>The connection works: %n message waiting.</numerusform>
            <numerusform>The connection works: %n messages waiting.</numerusform>
        </translation>
    </message>
    <message>
        <source>The test failed: %1 What to do: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logs in with a password (auth); set auth = xoauth2 or oauthbearer and its oauth_ keys first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names no device authorization endpoint (oauth_device_url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign in for mailbox %1, open %2 in a browser and enter the code %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(or open %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in... (Ctrl-C to give up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider gave no refresh token; the scopes need offline_access (Microsoft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in for %1 did not complete: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in; mailbox %1 can be retrieved. The sign-in is kept in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would go back to Failed Mail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was requeued. Fix the cause first (pop3connectorctl diagnose helps), or requeue anyway with --force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle %1 finished: %2, %3, %4 delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>%n mailbox</numerusform>
            <numerusform>%n mailboxes</numerusform>
        </translation>
    </message>
    <message>
        <source>Administers the running POP3 Connector service.

Commands:
  status                   stages, mailboxes, folders, next run
  retrieve-now [MAILBOX]   run a cycle now (--wait: until it has finished)
  cancel                   end the running cycle
  delivery stop|start      stop or start delivery to the local mail server
  spool list FOLDER        incoming, failed, pickup or badmail
  spool show NAME          a message&apos;s header and text
  spool requeue NAME...    Failed Mail to Incoming Mail, BadMail to PickUp (a message
                           that would only fail again: not without --force)
  spool delete NAME...
  spool export NAME FILE   the message as it arrived (FILE - : standard output)
  set-password NAME        a mailbox&apos;s or the delivery login&apos;s (read from the terminal or standard input)
  authorize NAME           sign in for a mailbox (or delivery) that logs in with OAuth 2.0 (prints an address and a code, and waits)
  events [--follow]        the recent events, and with --follow those to come
  test MAILBOX             a connection test run by the service
  diagnose                 every check of the troubleshooter, run by the service
  track QUERY              a message&apos;s path: by Message-ID, sender, recipient, subject
                           or spool name (--since, --until: a time range)

Exit status: 0 done, 1 the operation failed, 2 bad usage, 3 no service answers.
diagnose: 0 all checks pass, 1 a warning, 2 a failure, 3 no service answers.
track: 0 a message was found, 1 none was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file of the service (default %1 when this user may read it, else %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON, for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrieve-now: return when the cycle has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events: go on printing events as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track: from this time (2026-03-01, 2026-03-01T09:30, or back from now: 90m, 12h, 7d).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track: up to this time (as --since).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spool requeue: requeue even a message in Failed Mail whose cause is not fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--force goes with spool requeue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CtlCommand</name>
    <message>
        <source>name a command; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--wait goes with retrieve-now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--follow goes with events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrieve-now takes at most one mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery takes stop or start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spool takes list, show, requeue, delete or export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: spool list FOLDER | spool show NAME | spool requeue NAME... | spool delete NAME... | spool export NAME FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set-password takes a mailbox, or delivery; the password is read from the terminal or standard input, never from the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test takes a mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorize takes a mailbox, or delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track takes one QUERY (quote one with spaces), or none with --since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CtlTrack</name>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to BadMail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>from mailbox %1 on %2, UIDL %3, %n byte(s)</source>
        <translation>
            <numerusform>from mailbox %1 on %2, UIDL %3, %n byte</numerusform>
            <numerusform>from mailbox %1 on %2, UIDL %3, %n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>left on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message-ID &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since and --until go with track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: give 2026-03-01, 2026-03-01T09:30, or 90m, 12h, 7d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track takes a QUERY, a time range (--since, --until), or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 — now: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector</name>
    <message>
        <source>&quot;%1&quot; is not a section header; write [section]</source>
        <translation>&quot;%1&quot; is not a section header; write [section]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting; write key = value</source>
        <translation>&quot;%1&quot; is not a setting; write key = value</translation>
    </message>
    <message>
        <source>missing; name the provider&apos;s POP3 server</source>
        <translation>missing; name the provider&apos;s POP3 server</translation>
    </message>
    <message>
        <source>missing; give the POP3 user name</source>
        <translation>missing; give the POP3 user name</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 cannot be read</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rule; write PATTERN -&gt; LOCAL ADDRESS, where each side is an address or *@domain</source>
        <translation>&quot;%1&quot; is not a rule; write PATTERN -&gt; LOCAL ADDRESS, where each side is an address or *@domain</translation>
    </message>
    <message>
        <source>missing; a global mailbox needs the domains whose mail it receives, comma-separated</source>
        <translation>missing; a global mailbox needs the domains whose mail it receives, comma-separated</translation>
    </message>
    <message>
        <source>the system keychain did not answer (is it locked, or waiting for a password prompt?)</source>
        <translation>the system keychain did not answer (is it locked, or waiting for a password prompt?)</translation>
    </message>
    <message>
        <source>the password file %1 does not exist or cannot be reached</source>
        <translation>the password file %1 does not exist or cannot be reached</translation>
    </message>
    <message>
        <source>the password file %1 belongs to another user; make the connector&apos;s user its owner</source>
        <translation>the password file %1 belongs to another user; make the connector&apos;s user its owner</translation>
    </message>
    <message>
        <source>the password file %1 can be read by other users (mode %2); run chmod 600 %1</source>
        <translation>the password file %1 can be read by other users (mode %2); run chmod 600 %1</translation>
    </message>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>cannot read the password file %1: %2</translation>
    </message>
    <message>
        <source>the password file %1 is empty; put the password on its first line</source>
        <translation>the password file %1 is empty; put the password on its first line</translation>
    </message>
    <message>
        <source>the listing has more than %1 messages, more than any real mailbox holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s password files in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; a mailbox that signs in with OAuth needs the client id of the application registered with the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; name the provider&apos;s token endpoint, or choose an oauth_provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint did not answer with a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint&apos;s answer has no bearer access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device authorization endpoint did not answer with a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device authorization endpoint&apos;s answer lacks the code or the address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::AlertPolicy</name>
    <message>
        <source>Mailbox %1 is failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer to PickUp has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail arrived in Failed Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail arrived in BadMail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::AuthorizationCodeFlow</name>
    <message>
        <source>the mailbox names no authorization endpoint (oauth_authorization_url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no port on 127.0.0.1 for the sign-in&apos;s answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. You can close this window and return to POP3 Connector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not complete. Close this window and see POP3 Connector for the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::BrowserSignIn</name>
    <message>
        <source>%1 logs in with a password; set auth = xoauth2 or oauthbearer first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider gave no refresh token; the scopes need offline_access (Microsoft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in did not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConfigurationChecks</name>
    <message>
        <source>Mailboxes %1 and %2 retrieve the same account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both log in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one entry per account: whichever runs first takes the mail (and with leave on server off, deletes it), so the other finds the mailbox empty. Remove or disable one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global mailbox %1 has no routing rules and no accepted domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add accepted domains or rules (PATTERN -&gt; TARGET) to [mailbox.%1], or make it a user mailbox with a local mailbox; otherwise every message goes to the undeliverable mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox %1 sends its password unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security = none with auth = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use security = tls (port 995) or starttls if the provider offers it; anyone on the network path can read the password otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each account is retrieved by one mailbox entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every global mailbox routes its mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is sent unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for %1 is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store it with: pop3connectorctl set-password %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file of %1 can be read by others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the file private to the service user: chmod 600 FILE, owned by that user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the keychain is unlocked, or that the password file is readable by the service user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed in; the provider issued an access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in: pop3connectorctl authorize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has signed in for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider withdrew the sign-in of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider issued no access token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network, oauth_token_url, and the client id and secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the keychain is unlocked, or that the password store is readable by the service user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConfigurationFile</name>
    <message>
        <source>cannot open the configuration file: %1; create it from the example in docs/configuration.md</source>
        <translation>cannot open the configuration file: %1; create it from the example in docs/configuration.md</translation>
    </message>
    <message>
        <source>the file is not in INI format (sections and key = value lines)</source>
        <translation>the file is not in INI format (sections and key = value lines)</translation>
    </message>
    <message>
        <source>unknown section [%1]; the sections are [connector], [delivery] and [mailbox.NAME]</source>
        <translation>unknown section [%1]; the sections are [connector], [delivery] and [mailbox.NAME]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mailbox name; use letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;@&apos;</source>
        <translation>&quot;%1&quot; is not a valid mailbox name; use letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;@&apos;</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a group name; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing; auth %1 logs in as a user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConnectionTestDialog</name>
    <message>
        <source>Test connection: %1</source>
        <translation>Test connection: %1</translation>
    </message>
    <message numerus="yes">
        <source>The connection works. The mailbox holds %n message(s)</source>
        <translation>
            <numerusform>The connection works. The mailbox holds %n message</numerusform>
            <numerusform>The connection works. The mailbox holds %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 KB).</source>
        <translation> (%1 KB).</translation>
    </message>
    <message>
        <source>%1: %2
What to do: %3</source>
        <translation>%1: %2
What to do: %3</translation>
    </message>
    <message>
        <source>Connection transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is testing the connection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not test the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the service and the POP3 server said to each other; passwords are masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate for this mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate expired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is valid only from %1. Check this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued for %1, not for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server signed its certificate itself; no authority this computer knows vouches for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued by %1, an authority this computer does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was stopped before the password was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this is your provider&apos;s server, compare the fingerprint with the one the provider gives you. When they match, trust this certificate: this mailbox then accepts exactly this certificate and no other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider to renew the certificate. Trusting it would not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not save the certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service saved the certificate but did not take the configuration:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is trusted for this mailbox. Testing again...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Connector</name>
    <message numerus="yes">
        <source>%n message(s) could not be routed and were put in Failed Mail.</source>
        <translation>
            <numerusform>%n message could not be routed and was put in Failed Mail.</numerusform>
            <numerusform>%n messages could not be routed and were put in Failed Mail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were rejected by the local mail server and put in BadMail.</source>
        <translation>
            <numerusform>%n message was rejected by the local mail server and put in BadMail.</numerusform>
            <numerusform>%n messages were rejected by the local mail server and put in BadMail.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connector stopped.</source>
        <translation>The connector stopped.</translation>
    </message>
    <message>
        <source>The spool cannot be used: %1.</source>
        <translation>The spool cannot be used: %1.</translation>
    </message>
    <message numerus="yes">
        <source>The connector started with %n mailbox(es); spool %1.</source>
        <translation>
            <numerusform>The connector started with %n mailbox; spool %1.</numerusform>
            <numerusform>The connector started with %n mailboxes; spool %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>A retrieval cycle is still running; the next one starts when it ends.</source>
        <translation>A retrieval cycle is still running; the next one starts when it ends.</translation>
    </message>
    <message>
        <source>Retrieval cycle started.</source>
        <translation>Retrieval cycle started.</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was started.</source>
        <translation>Delivery to the local mail server was started.</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped; mail collects in PickUp.</source>
        <translation>Delivery to the local mail server was stopped; mail collects in PickUp.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) and folder(s) of the spool %1 could be read by other users; they are private to the service user now.</source>
        <translation>
            <numerusform>%n file and folder of the spool %1 could be read by other users; they are private to the service user now.</numerusform>
            <numerusform>%n files and folders of the spool %1 could be read by other users; they are private to the service user now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cycle finished: %1, %2 failed, %3, %4 delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>%n mailbox</numerusform>
            <numerusform>%n mailboxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control</name>
    <message>
        <source>Start it with: systemctl start pop3connectord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it with: pop3connectord --config %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 (uid %2, process %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credentials of a control connection cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a control message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a frame of %1 bytes is larger than the %2 allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Client</name>
    <message>
        <source>the service on %1 did not say hello within %2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control connection was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service closed the control connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service answers on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this user may not use the control socket %1; the service&apos;s administrators are root, its own user and the members of its group (adduser USER pop3connector, then log in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the control connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent what is not a control message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service did not open with its hello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service sent a message out of turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service did not answer %1 within %2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Server</name>
    <message>
        <source>the control socket path %1 is longer than a socket path may be; set a shorter [connector] control_socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another service answers on the control socket %1; stop it, or give this configuration a control_socket of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the control socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not administer this service; root, the service&apos;s own user and members of the group %2 may (adduser USER %2, then log in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service has %1 control connections open, as many as it takes; close some</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Session</name>
    <message>
        <source>no hello within %1 seconds; a client opens with hello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a frame begun was not finished within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first message must be a hello with the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this service speaks version %1 of the control protocol, the client %2; use the pop3connectorctl and manager of the service&apos;s own version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client says hello once; after it, it sends requests only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the hello a client sends requests only, never a reply, a notification or an error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ControlService</name>
    <message>
        <source>The control channel refused %1: only root, the service&apos;s user and members of the group %2 may administer the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The control connection of %1 was closed: %2 KB of notifications were waiting unread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new configuration could not be applied: %1 The service goes on with the previous one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this service has no method &quot;%1&quot;; it speaks version %2 of the control protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox %1 is disabled (enabled = false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery takes enabled: true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setConfiguration takes the whole INI file as text, at most %1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration %1 was changed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; it applies now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; it applies when the running cycle ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the service to apply: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no topic &quot;%1&quot;; the topics are %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::CredentialResolver</name>
    <message>
        <source>no password is stored for mailbox %1; store it in the manager or with: pop3connectord --set-password %1</source>
        <translation type="unfinished">no password is stored for mailbox %1; store it in the manager or with: pop3connectord --set-password %1</translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set password_file for mailbox %2</source>
        <translation type="unfinished">the system keychain cannot be used (%1); unlock it, or set password_file for mailbox %2</translation>
    </message>
    <message>
        <source>no password is stored for the delivery user; store it with: pop3connectord --set-password delivery</source>
        <translation type="unfinished">no password is stored for the delivery user; store it with: pop3connectord --set-password delivery</translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set [delivery] password_file</source>
        <translation type="unfinished">the system keychain cannot be used (%1); unlock it, or set [delivery] password_file</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryChecks</name>
    <message>
        <source>the local mailbox of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the undeliverable mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No undeliverable mailbox is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set undeliverable_mailbox in [connector]: mail for an unknown recipient then reaches a person instead of waiting in BadMail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeliverable mail goes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server refused the connection on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server cannot be reached on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local mail server, or check host, port and transport in [delivery] (%1 on port %2). Mail waits in PickUp meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the local mail server on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server did not greet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the local mail server&apos;s log: it refuses connections from this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server refused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not speak LMTP on this port: check transport and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not speak SMTP on this port: check transport and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server answers %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the local server&apos;s certificate, or name its CA in [delivery] ca_file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server does not offer STARTTLS: enable TLS there, or set security = none for a server on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>The local mail server refused the login of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check user and password in [delivery]; store the password with pop3connectorctl set-password delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server refused MAIL FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the local mail server&apos;s log; it must accept mail with an empty sender (&lt;&gt;) from this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended first; see the failure above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox %1 is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quota problem at the local mail server: empty the mailbox or raise its quota. Mail for it waits in PickUp (and goes to Failed Mail if it lasts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local mail server cannot take mail for it right now; see its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the mailbox at the local mail server, or correct the address in the configuration; mail for it goes to Failed Mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a pattern; it is checked as mail arrives</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryDialog</name>
    <message>
        <source>Delivery and spool</source>
        <translation>Delivery and spool</translation>
    </message>
    <message>
        <source>&amp;Undeliverable mail to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The undeliverable-mail mailbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryForm</name>
    <message>
        <source>S&amp;pool folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliver by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP to the office mail server</source>
        <translation>SMTP to the office mail server</translation>
    </message>
    <message>
        <source>LMTP to the office mail server</source>
        <translation>LMTP to the office mail server</translation>
    </message>
    <message>
        <source>PickUp folder only (another MTA reads it)</source>
        <translation>PickUp folder only (another MTA reads it)</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Co&amp;nnections at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login (only if the server asks):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>leave empty to keep the stored password</translation>
    </message>
    <message>
        <source>Mail waits in %1 until the server takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail is left in %1 for another mail server to take; the connector delivers nothing itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the spool folder.</source>
        <translation>Enter the spool folder.</translation>
    </message>
    <message>
        <source>Enter the office mail server.</source>
        <translation>Enter the office mail server.</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryProbe</name>
    <message>
        <source>STARTTLS is not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password is stored for delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no authentication the connector knows is offered (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliverySession</name>
    <message>
        <source>delivery was cancelled</source>
        <translation type="unfinished">delivery was cancelled</translation>
    </message>
    <message numerus="yes">
        <source>Delivery to the local mail server failed: %1. %n message(s) wait in PickUp.</source>
        <translation>
            <numerusform>Delivery to the local mail server failed: %1. %n message wait in PickUp.</numerusform>
            <numerusform>Delivery to the local mail server failed: %1. %n messages wait in PickUp.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation type="unfinished">%1 refused %2: %3</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, which [delivery] security requires</source>
        <translation type="unfinished">%1 does not offer STARTTLS, which [delivery] security requires</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation type="unfinished">%1 refused STARTTLS: %2</translation>
    </message>
    <message>
        <source>%1 port %2: %3</source>
        <translation type="unfinished">%1 port %2: %3</translation>
    </message>
    <message>
        <source>%1 offers no authentication the connector knows (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation type="unfinished">%1 refused the login of %2: %3</translation>
    </message>
    <message>
        <source>Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting.</source>
        <translation type="unfinished">Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting.</translation>
    </message>
    <message>
        <source>%1 does not offer %2 (auth = %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryTest</name>
    <message>
        <source>transport &quot;%1&quot; is not one of smtp, lmtp, pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security &quot;%1&quot; is not one of none, starttls, tls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host is empty; name the office mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host &quot;%1&quot; is not a host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port must be 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 recipients are tried at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryTestPanel</name>
    <message>
        <source>Addresses to &amp;check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local addresses the server is asked to accept (RCPT TO), comma-separated; no message is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery test transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings changed since the last test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing delivery...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery works: the server answered and took every address checked. No message was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery does not work yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosisText</name>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool</source>
        <translation>Spool</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: %1 (%2 passed, %3 warning(s), %4 failed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosisView</name>
    <message>
        <source>Run diagnostics</source>
        <translation>Run diagnostics</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as a text file, to send it to whoever helps you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service checks its mailboxes, spool, delivery and configuration, and says what to do about what it finds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector is not running (%1), so it cannot run the checks. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks could not be run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the checks... %1 s. Each server can take up to 20 seconds a step; the manager stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Download (mailboxes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer (spool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>Conversation with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n check(s) failed; the stage marked ✖ is where mail stops.</source>
        <translation>
            <numerusform>%1: %n check failed; the stage marked ✖ is where mail stops.</numerusform>
            <numerusform>%1: %n checks failed; the stage marked ✖ is where mail stops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: no check failed; %n warning(s) to look at.</source>
        <translation>
            <numerusform>%1: no check failed; %n warning to look at.</numerusform>
            <numerusform>%1: no check failed; %n warnings to look at.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: every check passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector diagnostics, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service: pid %1, user %2, version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check of the troubleshooter by stage, each with its result; expand one for its evidence and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen finding in full: its result, evidence and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosticRequests</name>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery is left to another mail server (transport = pickup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address given to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last connection test of %1 presented no such certificate; test the connection again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DownloadStage</name>
    <message>
        <source>Not retrieved: the connector was stopped.</source>
        <translation>Not retrieved: the connector was stopped.</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DurableFs</name>
    <message>
        <source>cannot create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot protect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 bytes on disk, but %3 were written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventLog</name>
    <message>
        <source>cannot write the event log %1: %2</source>
        <translation>cannot write the event log %1: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Events</name>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Connector started</source>
        <translation>Connector started</translation>
    </message>
    <message>
        <source>The connector started and will retrieve mail on its schedule.</source>
        <translation>The connector started and will retrieve mail on its schedule.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Nothing to do.</translation>
    </message>
    <message>
        <source>Connector stopped</source>
        <translation>Connector stopped</translation>
    </message>
    <message>
        <source>The connector was stopped; no mail is retrieved until it starts.</source>
        <translation>The connector was stopped; no mail is retrieved until it starts.</translation>
    </message>
    <message>
        <source>Start the connector again when mail should flow.</source>
        <translation>Start the connector again when mail should flow.</translation>
    </message>
    <message>
        <source>Spool in use by another connector</source>
        <translation>Spool in use by another connector</translation>
    </message>
    <message>
        <source>Another connector process works on the same spool folder; two at once could retrieve the same message twice, so this one does not start.</source>
        <translation>Another connector process works on the same spool folder; two at once could retrieve the same message twice, so this one does not start.</translation>
    </message>
    <message>
        <source>Stop the other process (its process id is in the text), or give this one its own spool folder in the configuration.</source>
        <translation>Stop the other process (its process id is in the text), or give this one its own spool folder in the configuration.</translation>
    </message>
    <message>
        <source>Spool recovered after an interruption</source>
        <translation>Spool recovered after an interruption</translation>
    </message>
    <message>
        <source>The previous run ended without finishing (a crash, a power cut or a kill). Messages that were safely stored were moved into place; incomplete temporary files were removed and those messages, still on the server, will be retrieved again.</source>
        <translation>The previous run ended without finishing (a crash, a power cut or a kill). Messages that were safely stored were moved into place; incomplete temporary files were removed and those messages, still on the server, will be retrieved again.</translation>
    </message>
    <message>
        <source>Nothing to do; no mail was lost. If this repeats, find out why the connector stops (system log, out of memory, disk).</source>
        <translation>Nothing to do; no mail was lost. If this repeats, find out why the connector stops (system log, out of memory, disk).</translation>
    </message>
    <message>
        <source>Spool folder cannot be used</source>
        <translation>Spool folder cannot be used</translation>
    </message>
    <message>
        <source>A spool folder could not be created or written.</source>
        <translation>A spool folder could not be created or written.</translation>
    </message>
    <message>
        <source>Check that the spool path in the configuration exists, that the connector&apos;s user may write it, and that the disk is not full.</source>
        <translation>Check that the spool path in the configuration exists, that the connector&apos;s user may write it, and that the disk is not full.</translation>
    </message>
    <message>
        <source>Retrieval cycle started</source>
        <translation>Retrieval cycle started</translation>
    </message>
    <message>
        <source>A scheduled or manual retrieval cycle began.</source>
        <translation>A scheduled or manual retrieval cycle began.</translation>
    </message>
    <message>
        <source>Retrieval cycle finished</source>
        <translation>Retrieval cycle finished</translation>
    </message>
    <message>
        <source>A retrieval cycle ended; the text counts mailboxes, messages and failures.</source>
        <translation>A retrieval cycle ended; the text counts mailboxes, messages and failures.</translation>
    </message>
    <message>
        <source>If mailboxes failed, see their own events for the reason.</source>
        <translation>If mailboxes failed, see their own events for the reason.</translation>
    </message>
    <message>
        <source>Retrieval cycle deferred</source>
        <translation>Retrieval cycle deferred</translation>
    </message>
    <message>
        <source>The scheduled time came while the previous cycle was still running; cycles never overlap, so the next one starts when the current one ends.</source>
        <translation>The scheduled time came while the previous cycle was still running; cycles never overlap, so the next one starts when the current one ends.</translation>
    </message>
    <message>
        <source>If this happens often, make the interval longer or lower the per-cycle message cap.</source>
        <translation>If this happens often, make the interval longer or lower the per-cycle message cap.</translation>
    </message>
    <message>
        <source>Transfer finished</source>
        <translation>Transfer finished</translation>
    </message>
    <message>
        <source>If messages went to Failed Mail, see their events and the Spool tab.</source>
        <translation>If messages went to Failed Mail, see their events and the Spool tab.</translation>
    </message>
    <message>
        <source>Message routed</source>
        <translation>Message routed</translation>
    </message>
    <message>
        <source>A message was given its local recipients and put in PickUp.</source>
        <translation>A message was given its local recipients and put in PickUp.</translation>
    </message>
    <message>
        <source>Mail loop detected</source>
        <translation>Mail loop detected</translation>
    </message>
    <message>
        <source>The message already carries this connector&apos;s trace line several times: it is going round between the provider and the office (for example a forward back to the POP3 mailbox). It was put in Failed Mail instead of being delivered again.</source>
        <translation>The message already carries this connector&apos;s trace line several times: it is going round between the provider and the office (for example a forward back to the POP3 mailbox). It was put in Failed Mail instead of being delivered again.</translation>
    </message>
    <message>
        <source>Remove the forwarding that sends mail back to the provider&apos;s mailbox, then requeue or delete the message in the Spool tab.</source>
        <translation>Remove the forwarding that sends mail back to the provider&apos;s mailbox, then requeue or delete the message in the Spool tab.</translation>
    </message>
    <message>
        <source>Duplicate not delivered again</source>
        <translation>Duplicate not delivered again</translation>
    </message>
    <message>
        <source>The same message (same Message-ID and same body) was already delivered to this local mailbox, for example because the provider&apos;s catch-all mailbox received one copy per recipient.</source>
        <translation>The same message (same Message-ID and same body) was already delivered to this local mailbox, for example because the provider&apos;s catch-all mailbox received one copy per recipient.</translation>
    </message>
    <message>
        <source>Error taking mail from the incoming queue</source>
        <translation>Error taking mail from the incoming queue</translation>
    </message>
    <message>
        <source>A message in Incoming Mail could not be read or routed (unreadable file, mailbox no longer configured). It was moved to Failed Mail with the reason; the messages behind it went on.</source>
        <translation>A message in Incoming Mail could not be read or routed (unreadable file, mailbox no longer configured). It was moved to Failed Mail with the reason; the messages behind it went on.</translation>
    </message>
    <message>
        <source>Read the reason in the Spool tab, correct the configuration if needed, and requeue the message; or send it as an attachment to the undeliverable-mail mailbox.</source>
        <translation>Read the reason in the Spool tab, correct the configuration if needed, and requeue the message; or send it as an attachment to the undeliverable-mail mailbox.</translation>
    </message>
    <message>
        <source>Delivery finished with errors</source>
        <translation>Delivery finished with errors</translation>
    </message>
    <message>
        <source>Delivery to the local mail server ended, but one or more messages were deferred or rejected.</source>
        <translation>Delivery to the local mail server ended, but one or more messages were deferred or rejected.</translation>
    </message>
    <message>
        <source>See the events of those messages; rejected ones are in BadMail.</source>
        <translation>See the events of those messages; rejected ones are in BadMail.</translation>
    </message>
    <message>
        <source>Delivery finished</source>
        <translation>Delivery finished</translation>
    </message>
    <message>
        <source>Message delivered</source>
        <translation>Message delivered</translation>
    </message>
    <message>
        <source>The local mail server accepted a message.</source>
        <translation>The local mail server accepted a message.</translation>
    </message>
    <message>
        <source>Local mail server unreachable</source>
        <translation>Local mail server unreachable</translation>
    </message>
    <message>
        <source>The connector could not connect to the local mail server. Mail waits in PickUp and is delivered when the server answers again; nothing is lost.</source>
        <translation>The connector could not connect to the local mail server. Mail waits in PickUp and is delivered when the server answers again; nothing is lost.</translation>
    </message>
    <message>
        <source>Start the local mail server, or correct [delivery] host and port.</source>
        <translation>Start the local mail server, or correct [delivery] host and port.</translation>
    </message>
    <message>
        <source>Delivery deferred</source>
        <translation>Delivery deferred</translation>
    </message>
    <message>
        <source>The local mail server answered with a temporary error (4xx). The message stays in PickUp and is tried again later, waiting longer each time.</source>
        <translation>The local mail server answered with a temporary error (4xx). The message stays in PickUp and is tried again later, waiting longer each time.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it lasts, read the server&apos;s reply in the text.</source>
        <translation>Nothing to do if it passes. If it lasts, read the server&apos;s reply in the text.</translation>
    </message>
    <message>
        <source>Delivery rejected</source>
        <translation>Delivery rejected</translation>
    </message>
    <message>
        <source>The local mail server refused a message or a recipient for good (5xx). It was moved to BadMail with the server&apos;s reply; other recipients of the message were delivered.</source>
        <translation>The local mail server refused a message or a recipient for good (5xx). It was moved to BadMail with the server&apos;s reply; other recipients of the message were delivered.</translation>
    </message>
    <message>
        <source>Correct the cause (unknown local user: fix the routing rule or create the mailbox), then requeue the message from BadMail.</source>
        <translation>Correct the cause (unknown local user: fix the routing rule or create the mailbox), then requeue the message from BadMail.</translation>
    </message>
    <message>
        <source>Error talking to the local mail server</source>
        <translation>Error talking to the local mail server</translation>
    </message>
    <message>
        <source>The session with the local mail server failed (TLS, authentication, an unexpected reply or a dropped connection). Mail waits in PickUp.</source>
        <translation>The session with the local mail server failed (TLS, authentication, an unexpected reply or a dropped connection). Mail waits in PickUp.</translation>
    </message>
    <message>
        <source>Check [delivery] security, user and password, and the server&apos;s log.</source>
        <translation>Check [delivery] security, user and password, and the server&apos;s log.</translation>
    </message>
    <message>
        <source>Delivery given up</source>
        <translation>Delivery given up</translation>
    </message>
    <message>
        <source>A message was deferred by the local mail server for two days. It was moved to BadMail with the last reply.</source>
        <translation>A message was deferred by the local mail server for two days. It was moved to BadMail with the last reply.</translation>
    </message>
    <message>
        <source>Correct the cause, then requeue the message from BadMail.</source>
        <translation>Correct the cause, then requeue the message from BadMail.</translation>
    </message>
    <message>
        <source>Delivery stopped</source>
        <translation>Delivery stopped</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped; retrieval goes on and mail collects in PickUp.</source>
        <translation>Delivery to the local mail server was stopped; retrieval goes on and mail collects in PickUp.</translation>
    </message>
    <message>
        <source>Start delivery again when the test is done.</source>
        <translation>Start delivery again when the test is done.</translation>
    </message>
    <message>
        <source>Delivery started</source>
        <translation>Delivery started</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was started again.</source>
        <translation>Delivery to the local mail server was started again.</translation>
    </message>
    <message>
        <source>Message requeued</source>
        <translation>Message requeued</translation>
    </message>
    <message>
        <source>An administrator put a message back into the pipeline (Failed Mail to Incoming Mail, BadMail to PickUp).</source>
        <translation>An administrator put a message back into the pipeline (Failed Mail to Incoming Mail, BadMail to PickUp).</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <source>An administrator deleted a message from the spool.</source>
        <translation>An administrator deleted a message from the spool.</translation>
    </message>
    <message>
        <source>Message sent as an attachment</source>
        <translation>Message sent as an attachment</translation>
    </message>
    <message>
        <source>A message that could not be delivered as it is was attached to a new message for the undeliverable-mail mailbox.</source>
        <translation>A message that could not be delivered as it is was attached to a new message for the undeliverable-mail mailbox.</translation>
    </message>
    <message>
        <source>No local recipient: sent to the undeliverable-mail mailbox</source>
        <translation>No local recipient: sent to the undeliverable-mail mailbox</translation>
    </message>
    <message>
        <source>If such mail should reach someone, add a routing rule for the address.</source>
        <translation>If such mail should reach someone, add a routing rule for the address.</translation>
    </message>
    <message>
        <source>Not delivered: no local recipient</source>
        <translation>Not delivered: no local recipient</translation>
    </message>
    <message>
        <source>No recipient of the message matched the routing rules and no undeliverable-mail mailbox is configured, so the message was put in Failed Mail.</source>
        <translation>No recipient of the message matched the routing rules and no undeliverable-mail mailbox is configured, so the message was put in Failed Mail.</translation>
    </message>
    <message>
        <source>Set undeliverable_mailbox, or add a routing rule, then requeue the message.</source>
        <translation>Set undeliverable_mailbox, or add a routing rule, then requeue the message.</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Configuration error</translation>
    </message>
    <message>
        <source>A line of the configuration file has a value the connector cannot use.</source>
        <translation>A line of the configuration file has a value the connector cannot use.</translation>
    </message>
    <message>
        <source>Correct the key named in the text (see docs/configuration.md) and start again.</source>
        <translation>Correct the key named in the text (see docs/configuration.md) and start again.</translation>
    </message>
    <message>
        <source>Password not available</source>
        <translation>Password not available</translation>
    </message>
    <message>
        <source>The mailbox password could not be read from the system keychain or password file.</source>
        <translation>The mailbox password could not be read from the system keychain or password file.</translation>
    </message>
    <message>
        <source>Store the password again (in the manager, or with pop3connectord --set-password MAILBOX), and check that the keychain is unlocked for the connector&apos;s user.</source>
        <translation>Store the password again (in the manager, or with pop3connectord --set-password MAILBOX), and check that the keychain is unlocked for the connector&apos;s user.</translation>
    </message>
    <message>
        <source>Password file readable by others</source>
        <translation>Password file readable by others</translation>
    </message>
    <message>
        <source>The password file can be read by other users or is owned by another user, so the connector refuses to use it.</source>
        <translation>The password file can be read by other users or is owned by another user, so the connector refuses to use it.</translation>
    </message>
    <message>
        <source>Run chmod 600 on the file and make the connector&apos;s user its owner.</source>
        <translation>Run chmod 600 on the file and make the connector&apos;s user its owner.</translation>
    </message>
    <message>
        <source>Password sent without encryption</source>
        <translation>Password sent without encryption</translation>
    </message>
    <message>
        <source>The mailbox is configured with security none, so its password crosses the network in clear text.</source>
        <translation>The mailbox is configured with security none, so its password crosses the network in clear text.</translation>
    </message>
    <message>
        <source>Use security tls (port 995) or starttls if the provider offers it.</source>
        <translation>Use security tls (port 995) or starttls if the provider offers it.</translation>
    </message>
    <message>
        <source>Mailbox retrieval started</source>
        <translation>Mailbox retrieval started</translation>
    </message>
    <message>
        <source>The connector began retrieving a mailbox.</source>
        <translation>The connector began retrieving a mailbox.</translation>
    </message>
    <message>
        <source>Mailbox retrieval finished</source>
        <translation>Mailbox retrieval finished</translation>
    </message>
    <message>
        <source>A mailbox was retrieved; the text counts the messages stored, deleted and left.</source>
        <translation>A mailbox was retrieved; the text counts the messages stored, deleted and left.</translation>
    </message>
    <message>
        <source>Message stored</source>
        <translation>Message stored</translation>
    </message>
    <message>
        <source>A message was stored safely in the Incoming Mail folder.</source>
        <translation>A message was stored safely in the Incoming Mail folder.</translation>
    </message>
    <message>
        <source>POP3 server not found</source>
        <translation>POP3 server not found</translation>
    </message>
    <message>
        <source>The server name could not be resolved.</source>
        <translation>The server name could not be resolved.</translation>
    </message>
    <message>
        <source>Check the server name in the mailbox settings and the machine&apos;s DNS settings.</source>
        <translation>Check the server name in the mailbox settings and the machine&apos;s DNS settings.</translation>
    </message>
    <message>
        <source>Cannot connect to the POP3 server</source>
        <translation>Cannot connect to the POP3 server</translation>
    </message>
    <message>
        <source>The connection was refused or the network could not reach the server.</source>
        <translation>The connection was refused or the network could not reach the server.</translation>
    </message>
    <message>
        <source>Check the server name and port (995 for TLS, 110 for plain or STLS), the firewall, and that the provider&apos;s server is up.</source>
        <translation>Check the server name and port (995 for TLS, 110 for plain or STLS), the firewall, and that the provider&apos;s server is up.</translation>
    </message>
    <message>
        <source>Server certificate not trusted</source>
        <translation>Server certificate not trusted</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not valid for this host name, has expired, or is not signed by a trusted authority. Nothing was sent.</source>
        <translation>The server&apos;s TLS certificate is not valid for this host name, has expired, or is not signed by a trusted authority. Nothing was sent.</translation>
    </message>
    <message>
        <source>Check the server name. If the provider uses its own certificate, save it (or its CA) as a PEM file and set ca_file for the mailbox.</source>
        <translation>Check the server name. If the provider uses its own certificate, save it (or its CA) as a PEM file and set ca_file for the mailbox.</translation>
    </message>
    <message>
        <source>TLS negotiation failed</source>
        <translation>TLS negotiation failed</translation>
    </message>
    <message>
        <source>A secure connection could not be negotiated; often the port expects another kind of security.</source>
        <translation>A secure connection could not be negotiated; often the port expects another kind of security.</translation>
    </message>
    <message>
        <source>Use port 995 with security tls, or port 110 with security starttls.</source>
        <translation>Use port 995 with security tls, or port 110 with security starttls.</translation>
    </message>
    <message>
        <source>STLS not available</source>
        <translation>STLS not available</translation>
    </message>
    <message>
        <source>The mailbox requires STLS but the server did not offer it or refused it. The password was not sent.</source>
        <translation>The mailbox requires STLS but the server did not offer it or refused it. The password was not sent.</translation>
    </message>
    <message>
        <source>Use security tls on port 995 if the provider supports it. Choose security none only if the provider offers no encryption at all and the network is trusted.</source>
        <translation>Use security tls on port 995 if the provider supports it. Choose security none only if the provider offers no encryption at all and the network is trusted.</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation>The server rejected the user name or password.</translation>
    </message>
    <message>
        <source>Check the user name and store the password again. Some providers require an application password or enabling POP3 access in their web settings.</source>
        <translation>Check the user name and store the password again. Some providers require an application password or enabling POP3 access in their web settings.</translation>
    </message>
    <message>
        <source>Mailbox busy; will retry</source>
        <translation>Mailbox busy; will retry</translation>
    </message>
    <message>
        <source>The server says the mailbox is in use by another client, or that logins are allowed only every few minutes. This is not a password problem.</source>
        <translation>The server says the mailbox is in use by another client, or that logins are allowed only every few minutes. This is not a password problem.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, stop other programs that read this mailbox or make the schedule interval longer than the server&apos;s login delay.</source>
        <translation>Nothing to do if it passes. If it repeats, stop other programs that read this mailbox or make the schedule interval longer than the server&apos;s login delay.</translation>
    </message>
    <message>
        <source>Server temporarily unavailable</source>
        <translation>Server temporarily unavailable</translation>
    </message>
    <message>
        <source>The server reported a temporary problem on its side (SYS/TEMP).</source>
        <translation>The server reported a temporary problem on its side (SYS/TEMP).</translation>
    </message>
    <message>
        <source>Nothing to do; the next cycle retries. If it lasts, contact the provider.</source>
        <translation>Nothing to do; the next cycle retries. If it lasts, contact the provider.</translation>
    </message>
    <message>
        <source>Server refuses the mailbox</source>
        <translation>Server refuses the mailbox</translation>
    </message>
    <message>
        <source>The server reported a lasting problem with this mailbox (SYS/PERM), for example a locked account.</source>
        <translation>The server reported a lasting problem with this mailbox (SYS/PERM), for example a locked account.</translation>
    </message>
    <message>
        <source>Contact the provider with the server&apos;s text.</source>
        <translation>Contact the provider with the server&apos;s text.</translation>
    </message>
    <message>
        <source>Server stopped answering</source>
        <translation>Server stopped answering</translation>
    </message>
    <message>
        <source>Connection dropped</source>
        <translation>Connection dropped</translation>
    </message>
    <message>
        <source>The connection closed while a reply was due. Messages already stored stay stored and are deleted from the server on the next cycle; nothing is retrieved twice.</source>
        <translation>The connection closed while a reply was due. Messages already stored stay stored and are deleted from the server on the next cycle; nothing is retrieved twice.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, check the network and the provider.</source>
        <translation>Nothing to do if it passes. If it repeats, check the network and the provider.</translation>
    </message>
    <message>
        <source>Server reply not understood</source>
        <translation>Server reply not understood</translation>
    </message>
    <message>
        <source>Check that the port belongs to a POP3 server. Turn the log level to Maximum to see the conversation and send it to the provider.</source>
        <translation>Check that the port belongs to a POP3 server. Turn the log level to Maximum to see the conversation and send it to the provider.</translation>
    </message>
    <message>
        <source>Message left on server: too large</source>
        <translation>Message left on server: too large</translation>
    </message>
    <message>
        <source>Raise max_message_kb for the mailbox, or remove the message with the provider&apos;s webmail.</source>
        <translation>Raise max_message_kb for the mailbox, or remove the message with the provider&apos;s webmail.</translation>
    </message>
    <message>
        <source>Message could not be retrieved</source>
        <translation>Message could not be retrieved</translation>
    </message>
    <message>
        <source>The server refused to send one message; the other messages were retrieved.</source>
        <translation>The server refused to send one message; the other messages were retrieved.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes; the message stays on the server and is tried again.</source>
        <translation>Nothing to do if it passes; the message stays on the server and is tried again.</translation>
    </message>
    <message>
        <source>Cannot store mail</source>
        <translation>Cannot store mail</translation>
    </message>
    <message>
        <source>Writing to the spool failed (disk full, no permission, or an I/O error). Retrieval stopped before deleting anything that is not stored; the mail stays on the server.</source>
        <translation>Writing to the spool failed (disk full, no permission, or an I/O error). Retrieval stopped before deleting anything that is not stored; the mail stays on the server.</translation>
    </message>
    <message>
        <source>Free disk space or fix the spool folder&apos;s permissions; the next cycle continues.</source>
        <translation>Free disk space or fix the spool folder&apos;s permissions; the next cycle continues.</translation>
    </message>
    <message>
        <source>Server deletes mail sooner than configured</source>
        <translation>Server deletes mail sooner than configured</translation>
    </message>
    <message>
        <source>The mailbox is set to leave mail on the server, but the server&apos;s EXPIRE policy deletes retrieved mail earlier.</source>
        <translation>The mailbox is set to leave mail on the server, but the server&apos;s EXPIRE policy deletes retrieved mail earlier.</translation>
    </message>
    <message>
        <source>Accept the provider&apos;s policy, or set delete_after_days no longer than the server&apos;s EXPIRE days.</source>
        <translation>Accept the provider&apos;s policy, or set delete_after_days no longer than the server&apos;s EXPIRE days.</translation>
    </message>
    <message>
        <source>Server has no unique ids</source>
        <translation>Server has no unique ids</translation>
    </message>
    <message>
        <source>The server does not support UIDL, so the connector recognises messages it has already stored by a digest of their header and size.</source>
        <translation>The server does not support UIDL, so the connector recognises messages it has already stored by a digest of their header and size.</translation>
    </message>
    <message>
        <source>Nothing to do. With leave_on_server the messages are downloaded again each cycle and discarded; prefer deleting them.</source>
        <translation>Nothing to do. With leave_on_server the messages are downloaded again each cycle and discarded; prefer deleting them.</translation>
    </message>
    <message>
        <source>Backlog continues next cycle</source>
        <translation>Backlog continues next cycle</translation>
    </message>
    <message>
        <source>The mailbox holds more new messages than max_messages_per_cycle; the rest are retrieved in the following cycles.</source>
        <translation>The mailbox holds more new messages than max_messages_per_cycle; the rest are retrieved in the following cycles.</translation>
    </message>
    <message>
        <source>Nothing to do. Raise max_messages_per_cycle to drain faster.</source>
        <translation>Nothing to do. Raise max_messages_per_cycle to drain faster.</translation>
    </message>
    <message>
        <source>Retrieval cancelled</source>
        <translation>Retrieval cancelled</translation>
    </message>
    <message>
        <source>Retrieval was cancelled or the connector was stopped. Stored messages stay stored; the rest remain on the server.</source>
        <translation>Retrieval was cancelled or the connector was stopped. Stored messages stay stored; the rest remain on the server.</translation>
    </message>
    <message>
        <source>Deletion not confirmed by the server</source>
        <translation>Deletion not confirmed by the server</translation>
    </message>
    <message>
        <source>The server did not confirm QUIT, so by RFC 1939 it deleted nothing. The messages are stored; the next cycle deletes them without retrieving them again.</source>
        <translation>The server did not confirm QUIT, so by RFC 1939 it deleted nothing. The messages are stored; the next cycle deletes them without retrieving them again.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes.</source>
        <translation>Nothing to do if it passes.</translation>
    </message>
    <message>
        <source>Error during the POP3 transaction</source>
        <translation>Error during the POP3 transaction</translation>
    </message>
    <message>
        <source>The server answered a command with an error the connector cannot work around.</source>
        <translation>The server answered a command with an error the connector cannot work around.</translation>
    </message>
    <message>
        <source>Read the server&apos;s text in the event. Turn the log level to Maximum to record the conversation.</source>
        <translation>Read the server&apos;s text in the event. Turn the log level to Maximum to record the conversation.</translation>
    </message>
    <message>
        <source>Server allows logins less often than scheduled</source>
        <translation>Server allows logins less often than scheduled</translation>
    </message>
    <message>
        <source>The server announces a minimum time between logins (LOGIN-DELAY) longer than the schedule&apos;s interval, so some cycles will find the mailbox refused.</source>
        <translation>The server announces a minimum time between logins (LOGIN-DELAY) longer than the schedule&apos;s interval, so some cycles will find the mailbox refused.</translation>
    </message>
    <message>
        <source>Make the interval at least as long as the server&apos;s login delay (the text gives both).</source>
        <translation>Make the interval at least as long as the server&apos;s login delay (the text gives both).</translation>
    </message>
    <message>
        <source>Spool made private</source>
        <translation>Spool made private</translation>
    </message>
    <message>
        <source>Files or folders of the spool could be read by other local users (left by an older version, a restored backup or a umask of 022). The connector made them private to the service user: folders 0700, files 0600.</source>
        <translation>Files or folders of the spool could be read by other local users (left by an older version, a restored backup or a umask of 022). The connector made them private to the service user: folders 0700, files 0600.</translation>
    </message>
    <message>
        <source>Nothing is needed. If it happens again, find what creates files in the spool with wider permissions (a backup restore, a script) and make it keep them private; the systemd unit sets UMask=0077.</source>
        <translation>Nothing is needed. If it happens again, find what creates files in the spool with wider permissions (a backup restore, a script) and make it keep them private; the systemd unit sets UMask=0077.</translation>
    </message>
    <message>
        <source>No recipient of the message matched the mailbox&apos;s accepted domains and routing rules (mail sent as Bcc, mailing lists, a former employee&apos;s address), or none of them was a valid address. It was delivered to the undeliverable-mail mailbox so that it stays visible; the text says why for each recipient.</source>
        <translation>No recipient of the message matched the mailbox&apos;s accepted domains and routing rules (mail sent as Bcc, mailing lists, a former employee&apos;s address), or none of them was a valid address. It was delivered to the undeliverable-mail mailbox so that it stays visible; the text says why for each recipient.</translation>
    </message>
    <message>
        <source>Some recipients not routed</source>
        <translation>Some recipients not routed</translation>
    </message>
    <message>
        <source>A message names recipients in the accepted domains that reach no local mailbox: no routing rule matches them, or the header&apos;s text is not a valid address (a line break, a control character or an angle bracket in it, which can be an attempt to add recipients of the sender&apos;s choosing). The message&apos;s other recipients received it; the undeliverable-mail mailbox received one copy for them when one is configured. The text names them, with any control characters shown as escapes.</source>
        <translation>A message names recipients in the accepted domains that reach no local mailbox: no routing rule matches them, or the header&apos;s text is not a valid address (a line break, a control character or an angle bracket in it, which can be an attempt to add recipients of the sender&apos;s choosing). The message&apos;s other recipients received it; the undeliverable-mail mailbox received one copy for them when one is configured. The text names them, with any control characters shown as escapes.</translation>
    </message>
    <message>
        <source>If mail for such an address should reach someone, add a routing rule for it. An address that is not valid is never delivered; nothing needs doing for it.</source>
        <translation>If mail for such an address should reach someone, add a routing rule for it. An address that is not valid is never delivered; nothing needs doing for it.</translation>
    </message>
    <message>
        <source>Envelope sender replaced</source>
        <translation>Envelope sender replaced</translation>
    </message>
    <message>
        <source>The message&apos;s Return-Path or From is not a valid address (a line break, a control character or an angle bracket in it, or no address at all), so it cannot be the sender given to the local mail server. The message was delivered with its From address when that is valid, else with the undeliverable-mail mailbox (without one, the null sender &lt;&gt;) as its sender; its header is unchanged.</source>
        <translation>The message&apos;s Return-Path or From is not a valid address (a line break, a control character or an angle bracket in it, or no address at all), so it cannot be the sender given to the local mail server. The message was delivered with its From address when that is valid, else with the undeliverable-mail mailbox (without one, the null sender &lt;&gt;) as its sender; its header is unchanged.</translation>
    </message>
    <message>
        <source>Nothing to do for the delivery. Reports about it go to the sender named in the text; replies still go to the addresses in the message&apos;s header.</source>
        <translation>Nothing to do for the delivery. Reports about it go to the sender named in the text; replies still go to the addresses in the message&apos;s header.</translation>
    </message>
    <message>
        <source>The server sent nothing, or less than 1 KB a second, for longer than the timeout while a reply was due. The connection was dropped; nothing was deleted that is not stored, and the other mailboxes were not held up.</source>
        <translation>The server sent nothing, or less than 1 KB a second, for longer than the timeout while a reply was due. The connection was dropped; nothing was deleted that is not stored, and the other mailboxes were not held up.</translation>
    </message>
    <message>
        <source>Check the network. On a link slower than 1 KB a second, or to a server that thinks long before it answers, raise timeout_seconds.</source>
        <translation>Check the network. On a link slower than 1 KB a second, or to a server that thinks long before it answers, raise timeout_seconds.</translation>
    </message>
    <message>
        <source>The server sent something that is not a POP3 reply, sent data when it should not, or sent a reply beyond the connector&apos;s limits (a line longer than 8 KB, a CAPA reply longer than 64 KB, a listing of more than a million messages). The connection was dropped; nothing was deleted that is not stored.</source>
        <translation>The server sent something that is not a POP3 reply, sent data when it should not, or sent a reply beyond the connector&apos;s limits (a line longer than 8 KB, a CAPA reply longer than 64 KB, a listing of more than a million messages). The connection was dropped; nothing was deleted that is not stored.</translation>
    </message>
    <message>
        <source>A message is larger than the mailbox&apos;s size limit (max_message_kb, 100 MB unless set), so it was left on the server and never deleted. A server that lists a message as smaller than it is is stopped at the limit while it sends; the connector remembers the message and does not download it again until the limit is raised. If the server goes on sending far beyond the limit, the connection is dropped and the mailbox&apos;s other messages follow on the next cycle.</source>
        <translation>A message is larger than the mailbox&apos;s size limit (max_message_kb, 100 MB unless set), so it was left on the server and never deleted. A server that lists a message as smaller than it is is stopped at the limit while it sends; the connector remembers the message and does not download it again until the limit is raised. If the server goes on sending far beyond the limit, the connection is dropped and the mailbox&apos;s other messages follow on the next cycle.</translation>
    </message>
    <message>
        <source>Server refused to end the session</source>
        <translation>Server refused to end the session</translation>
    </message>
    <message>
        <source>The server answered QUIT with an error, so by RFC 1939 it deleted nothing: often it could not update the mailbox. The messages are stored; the next cycle deletes them without retrieving them again, and until then they stay on the server.</source>
        <translation>The server answered QUIT with an error, so by RFC 1939 it deleted nothing: often it could not update the mailbox. The messages are stored; the next cycle deletes them without retrieving them again, and until then they stay on the server.</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, the server cannot delete mail: send the server&apos;s text in the event to the provider.</source>
        <translation>Nothing to do if it passes. If it repeats, the server cannot delete mail: send the server&apos;s text in the event to the provider.</translation>
    </message>
    <message>
        <source>Message exported</source>
        <translation>Message exported</translation>
    </message>
    <message>
        <source>An administrator saved a copy of a message in the spool to a file outside it; the message itself stayed where it was.</source>
        <translation>An administrator saved a copy of a message in the spool to a file outside it; the message itself stayed where it was.</translation>
    </message>
    <message>
        <source>Nothing to do. The copy is somebody&apos;s mail: keep it private, and delete it when it is no longer needed.</source>
        <translation>Nothing to do. The copy is somebody&apos;s mail: keep it private, and delete it when it is no longer needed.</translation>
    </message>
    <message>
        <source>Control connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local program connected to the service&apos;s control socket as a user who may not administer the service (only root, the service&apos;s own user and members of its administrators&apos; group may). The text names the user and the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If that user should administer the service, add it to the group (adduser USER pop3connector, then log in again); otherwise find out why it tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow control client disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program subscribed to the service&apos;s notifications (the manager, pop3connectorctl events --follow) did not read them, and more were waiting for it than the service keeps for one client. The service closed its connection and went on with its work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do for the mail. Connect the program again; if it happens often, the program or its machine is too busy to keep up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator wrote a new configuration through the control channel; the service checked it, wrote the file and applies it. The text names the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do. If a setting the text names needs a restart, restart the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password stored or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator stored or removed the password of a mailbox or of the delivery login in the service&apos;s password store. The text names the administrator, never the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do. The next cycle logs in with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to the mailbox&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox logs in with OAuth 2.0, and the provider no longer accepts the connector&apos;s sign-in (invalid_grant: the user changed the password, an administrator revoked the consent, or it went unused for months), or nobody has signed in yet. The text has the provider&apos;s own words. The connector does not ask the provider again until someone signs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again: in the manager, or with pop3connectorctl authorize MAILBOX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token could not be renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s token endpoint could not be reached or refused the request for another reason than a withdrawn sign-in (the text says which). The connector tries again later, waiting longer after each failure (1, 2, 4 ... up to 60 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network, the oauth_token_url and the client id and secret in the configuration. If the provider names the client as the problem, correct its registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to the mailbox&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone signed in to the provider for a mailbox that logs in with OAuth 2.0; the refresh token is in the service&apos;s password store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 server refused the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the OAuth 2.0 access token (its answer, such as status 401 or invalid_token, is in the text). The connector renews the token once and tries again in the same cycle; this event means that did not help either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the scopes give POP3 access (oauth_scopes), that POP is enabled for the mailbox at the provider, and that the user signed in as the mailbox&apos;s user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A problem started or ended, and a short report of it was put in PickUp for the administrator_address; delivery takes it to the local mail server like any other message. A problem is reported at most once an hour, however often it comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do here; read the report. To stop the reports, remove administrator_address from the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message tracking could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on the spool&apos;s disk, and check that the tracking folder and its files belong to the connector&apos;s user and that it may write them (the text names the file and the system&apos;s reason).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file system of the spool has less free space than the connector needs to keep retrieving safely (less than 1 GB, or less than 5% of the disk). When it is full, retrieval stops and messages stay on the provider&apos;s server; nothing is lost, but nothing arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on that disk (old logs, backups), or move the spool to a larger disk (spool key in the configuration). Failed Mail and BadMail, shown in the Spool tab, may hold messages that can be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator report not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report for administrator_address could not be put in PickUp, or the record of which problems were reported could not be saved (the disk is full, or the spool&apos;s state folder cannot be written). The report is tried again at the next cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on the spool&apos;s disk and check that the spool belongs to the connector&apos;s user; the problem itself is still shown by pop3connectorctl diagnose and the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages were taken from Incoming Mail, given their local recipients and put in PickUp; the text counts them and those that went to Failed Mail. Transfer runs as soon as mail is stored, several times in a long cycle; event 1006 gives the cycle&apos;s totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in PickUp were delivered to the local mail server (one event for each connection). Delivery runs as soon as transfer has put mail in PickUp, several times in a long cycle; event 1006 gives the cycle&apos;s totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record of the message tracking journal (the tracking folder in the spool&apos;s state folder) could not be written, synced or pruned. It is told once when the journal stops taking records, not for each record missed, and again if it stops again after it worked. Mail still flows; only the history that pop3connectorctl track and the Tracking view show misses what happened meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::FileSecretStore</name>
    <message>
        <source>the password file %1 belongs to another user than the service&apos;s; store the password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password file %1 can be read by other users (mode %2); run chmod 600 %1 and store the password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password is one line of at most %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::FirstRunWizard</name>
    <message>
        <source>First-run assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where mail goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office mail server that receives the mail, or a PickUp folder another mail server reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip the test; I will check delivery myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeliverable mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local mailbox that receives mail no rule can route, so that nothing waits unseen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undeliverable mail to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A POP3 mailbox at the provider; nothing is retrieved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service logs in and lists the messages; it retrieves nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add mailbox...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>When the connector retrieves mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve mail &amp;every (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrieve on this schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were saved, but the service could not store the password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox was saved, but the service could not store its password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mailbox yet. Add the first one; more can be added later in the Mailboxes tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery was tested. Mail is retrieved from now on; Retrieve now in the Service menu retrieves at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery test was skipped: check the first messages arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule stays off until delivery has been tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the provider in the browser, for a mailbox that logs in with OAuth 2.0; again when the provider asks for it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::LineSession</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation type="unfinished">the server refused the connection: %1</translation>
    </message>
    <message>
        <source>the server sent data after agreeing to %1, before TLS began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes where a reply was expected</source>
        <translation type="unfinished">the server sent a line longer than %1 bytes where a reply was expected</translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot; when no reply was due</source>
        <translation type="unfinished">the server sent &quot;%1&quot; when no reply was due</translation>
    </message>
    <message>
        <source>the connection</source>
        <translation type="unfinished">the connection</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation type="unfinished">the greeting</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation type="unfinished">the TLS handshake</translation>
    </message>
    <message>
        <source>a reply</source>
        <translation type="unfinished">a reply</translation>
    </message>
    <message>
        <source>the reply to a message body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply to %1</source>
        <translation type="unfinished">the reply to %1</translation>
    </message>
    <message numerus="yes">
        <source>no data for %n second(s) while waiting for %1</source>
        <translation>
            <numerusform>no data for %n second while waiting for %1</numerusform>
            <numerusform>no data for %n seconds while waiting for %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %1 bytes in %n second(s) while waiting for %2, less than %3 bytes a second</source>
        <translation>
            <numerusform>only %1 bytes in %n second while waiting for %2, less than %3 bytes a second</numerusform>
            <numerusform>only %1 bytes in %n seconds while waiting for %2, less than %3 bytes a second</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting to %1 port %2 with TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::LineSplitter</name>
    <message>
        <source>a line of the reply is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailAddress</name>
    <message>
        <source>the address is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds half of a UTF-16 surrogate pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds the control character U+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds the invisible character U+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted local part is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash in the quoted local part quotes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted local part is not followed by @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address has no @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in a local part without quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part begins or ends with a dot, or has two in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local part is longer than %1 octets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address has no domain after @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an IPv4 or IPv6 address literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain is longer than %1 octets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is longer than %1 octets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxChecks</name>
    <message>
        <source>issued to %1 by %2, valid from %3 until %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider to renew the certificate of %1. Until then no mail can be retrieved securely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock and time zone; if they are right, the certificate of %1 was issued for the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the host name the provider&apos;s certificate names (the name in &quot;issued to&quot;), not an address or an alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the provider uses its own certificate authority, save its certificate as a PEM file and name it in ca_file; otherwise ask the provider to fix the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server&apos;s certificate expires in %n day(s)</source>
        <translation>
            <numerusform>The server&apos;s certificate expires in %n day</numerusform>
            <numerusform>The server&apos;s certificate expires in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask the provider of %1 to renew the certificate before it expires; afterwards no mail can be retrieved securely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server&apos;s certificate is valid for %n more day(s)</source>
        <translation>
            <numerusform>The server&apos;s certificate is valid for %n more day</numerusform>
            <numerusform>The server&apos;s certificate is valid for %n more days</numerusform>
        </translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling of the host, and that this computer&apos;s DNS server answers (try: getent hosts %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing listens on port %1 there: check the port (995 for POP3 over TLS, 110 for POP3 with STLS or none) and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 did not answer within %n second</numerusform>
            <numerusform>%1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>A firewall drops the connection, here or at the provider: allow outgoing connections to port %1, or check the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection and routing to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS could not be negotiated with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not greet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAPA was not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server lists no capabilities (CAPA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS could not be negotiated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STAT was not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox is empty (+OK 0 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine if no mail has arrived yet. If mail is expected: the user name may name another account; another mail client, or a second mailbox entry on the same account, may be fetching and deleting the mail first (look for &quot;leave mail on server&quot; being off elsewhere); or the provider routes the mail to another mailbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n message waiting</numerusform>
            <numerusform>%n messages waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxDialog</name>
    <message>
        <source>Certificate file</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Add POP3 Mailbox</source>
        <translation>Add POP3 Mailbox</translation>
    </message>
    <message>
        <source>Edit POP3 Mailbox</source>
        <translation>Edit POP3 Mailbox</translation>
    </message>
    <message>
        <source>letters, digits, . _ - @</source>
        <translation>letters, digits, . _ - @</translation>
    </message>
    <message>
        <source>pop.provider.example</source>
        <translation>pop.provider.example</translation>
    </message>
    <message>
        <source>TLS (port 995, recommended)</source>
        <translation>TLS (port 995, recommended)</translation>
    </message>
    <message>
        <source>STARTTLS (port 110)</source>
        <translation>STARTTLS (port 110)</translation>
    </message>
    <message>
        <source>None (password in clear text)</source>
        <translation>None (password in clear text)</translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation>Automatic (strongest offered)</translation>
    </message>
    <message>
        <source>USER/PASS</source>
        <translation>USER/PASS</translation>
    </message>
    <message>
        <source>APOP</source>
        <translation>APOP</translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation>PLAIN</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation>CRAM-MD5</translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>leave empty to keep the stored password</translation>
    </message>
    <message>
        <source>only for a provider with its own certificate</source>
        <translation>only for a provider with its own certificate</translation>
    </message>
    <message>
        <source>user@office.example</source>
        <translation>user@office.example</translation>
    </message>
    <message>
        <source>office.example, shop.example</source>
        <translation>office.example, shop.example</translation>
    </message>
    <message>
        <source>Address or *@domain</source>
        <translation>Address or *@domain</translation>
    </message>
    <message>
        <source>Local mailbox (or *@domain)</source>
        <translation>Local mailbox (or *@domain)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Give the mailbox a name made of letters, digits and . _ - @.</source>
        <translation>Give the mailbox a name made of letters, digits and . _ - @.</translation>
    </message>
    <message>
        <source>A mailbox named %1 exists already.</source>
        <translation>A mailbox named %1 exists already.</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s POP3 server.</source>
        <translation>Enter the provider&apos;s POP3 server.</translation>
    </message>
    <message>
        <source>Enter the user name of the POP3 account.</source>
        <translation>Enter the user name of the POP3 account.</translation>
    </message>
    <message>
        <source>Enter the password of the POP3 account.</source>
        <translation>Enter the password of the POP3 account.</translation>
    </message>
    <message>
        <source>Enter the local mailbox that receives this account&apos;s mail, as user@domain.</source>
        <translation>Enter the local mailbox that receives this account&apos;s mail, as user@domain.</translation>
    </message>
    <message>
        <source>Enter the domains whose mail this catch-all mailbox receives.</source>
        <translation>Enter the domains whose mail this catch-all mailbox receives.</translation>
    </message>
    <message>
        <source>The rule &quot;%1 -&gt; %2&quot; needs an address or *@domain on each side.</source>
        <translation>The rule &quot;%1 -&gt; %2&quot; needs an address or *@domain on each side.</translation>
    </message>
    <message>
        <source>Enter the server and the user name first.</source>
        <translation>Enter the server and the user name first.</translation>
    </message>
    <message>
        <source>stored by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service tests the mailbox as it is saved. Press OK to save it, then select it and press Test connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in (XOAUTH2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in (OAUTHBEARER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365 / Outlook.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (endpoints in the configuration file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the application you registered with the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if the provider gave one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the application (client) ID you registered with the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application (client) &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secre&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s certi&amp;ficate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User mailbox: all mail to one local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Global mailbox: route by recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local mailbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted &amp;domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient &amp;headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rul&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave a copy of messages on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete from the server after (days, 0 = never):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest &amp;message to retrieve (KB, 0 = no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per c&amp;ycle (0 = no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrie&amp;ve this mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules, tried from the top; the first that matches decides:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each recipient goes to the local mailbox of the first rule that matches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where mail goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxProbe</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused STLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxRetrieval</name>
    <message>
        <source>Retrieving mail for %1 from %2 port %3.</source>
        <translation>Retrieving mail for %1 from %2 port %3.</translation>
    </message>
    <message>
        <source>The password for %1 on %2 is sent without encryption.</source>
        <translation>The password for %1 on %2 is sent without encryption.</translation>
    </message>
    <message>
        <source>%1 does not offer STLS, which the mailbox requires; the password was not sent.</source>
        <translation>%1 does not offer STLS, which the mailbox requires; the password was not sent.</translation>
    </message>
    <message>
        <source>%1 refused STLS (&quot;%2&quot;); the password was not sent.</source>
        <translation>%1 refused STLS (&quot;%2&quot;); the password was not sent.</translation>
    </message>
    <message>
        <source>%1 does not offer APOP (its greeting has no timestamp); choose another authentication method.</source>
        <translation>%1 does not offer APOP (its greeting has no timestamp); choose another authentication method.</translation>
    </message>
    <message>
        <source>%1 refused the login of %2</source>
        <translation>%1 refused the login of %2</translation>
    </message>
    <message>
        <source>%1 refused STAT</source>
        <translation>%1 refused STAT</translation>
    </message>
    <message>
        <source>%1 refused to list the mailbox</source>
        <translation>%1 refused to list the mailbox</translation>
    </message>
    <message>
        <source>%1 does not support UIDL; messages are recognised by a digest of their header.</source>
        <translation>%1 does not support UIDL; messages are recognised by a digest of their header.</translation>
    </message>
    <message>
        <source>Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4.</source>
        <translation>Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) remain on the server for the next cycles.</source>
        <translation>
            <numerusform>%n new message remain on the server for the next cycles.</numerusform>
            <numerusform>%n new messages remain on the server for the next cycles.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused to send message %2: %3</source>
        <translation>%1 refused to send message %2: %3</translation>
    </message>
    <message>
        <source>Message %1 (%2 bytes) stored as %3.</source>
        <translation>Message %1 (%2 bytes) stored as %3.</translation>
    </message>
    <message>
        <source>%1 refused to delete message %2: %3</source>
        <translation>%1 refused to delete message %2: %3</translation>
    </message>
    <message>
        <source>Cannot store mail from %1: %2. Retrieval stopped; undelivered messages stay on the server.</source>
        <translation>Cannot store mail from %1: %2. Retrieval stopped; undelivered messages stay on the server.</translation>
    </message>
    <message>
        <source>%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation>%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</translation>
    </message>
    <message>
        <source>Cannot find the POP3 server %1: %2</source>
        <translation>Cannot find the POP3 server %1: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1 port %2: %3</source>
        <translation>Cannot connect to %1 port %2: %3</translation>
    </message>
    <message>
        <source>%1 closed the connection unexpectedly</source>
        <translation>%1 closed the connection unexpectedly</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>The certificate of %1 is not trusted: %2</translation>
    </message>
    <message>
        <source>TLS with %1 port %2 failed: %3</source>
        <translation>TLS with %1 port %2 failed: %3</translation>
    </message>
    <message>
        <source>%1 stopped answering: %2</source>
        <translation>%1 stopped answering: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Retrieval of %1 was cancelled.</source>
        <translation>Retrieval of %1 was cancelled.</translation>
    </message>
    <message>
        <source>%1: %2 new message(s) stored, %3 deleted from the server, %4 left there.</source>
        <translation>%1: %2 new message(s) stored, %3 deleted from the server, %4 left there.</translation>
    </message>
    <message>
        <source>Message %1 was larger than the limit of %2 KB when it was retrieved before, although %3 lists it as %4 bytes; it stays on the server and is not downloaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 is larger than the limit of %2 KB, although %3 listed it as %4 bytes; it was left on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 went on sending message %2 far beyond the limit of %3 KB, so the connection was dropped. Messages already stored are deleted from the server on the next cycle; the others are retrieved then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered QUIT with &quot;%2&quot;, so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer QUIT before the connector stopped, so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retrieval of %1 was stopped with %n message(s) still arriving; they stay on the server for the next cycle.</source>
        <translation>
            <numerusform>Retrieval of %1 was stopped with %n message still arriving; they stay on the server for the next cycle.</numerusform>
            <numerusform>Retrieval of %1 was stopped with %n messages still arriving; they stay on the server for the next cycle.</numerusform>
        </translation>
    </message>
    <message>
        <source>status %1, scope %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an error challenge that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the access token of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the mailbox is set to leave them on the server.</source>
        <translation>%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the mailbox is set to leave them on the server.</translation>
    </message>
    <message numerus="yes">
        <source>%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than the mailbox is set to keep them.</source>
        <translation>
            <numerusform>%1 deletes retrieved messages after %n day (EXPIRE), sooner than the mailbox is set to keep them.</numerusform>
            <numerusform>%1 deletes retrieved messages after %n days (EXPIRE), sooner than the mailbox is set to keep them.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 allows a login every %2 minute(s); the schedule retrieves every %3 minute(s).</source>
        <translation>%1 allows a login every %2 minute(s); the schedule retrieves every %3 minute(s).</translation>
    </message>
    <message>
        <source>Message %1 is larger than the limit of %2 KB, although %3 listed it as %4 bytes; it was left on the server. It is not downloaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxSignIn</name>
    <message>
        <source>Sign in to the provider for %1 in your browser; this window waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed in. The service keeps the sign-in and renews its access by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in for %1 did not succeed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in for %1 cannot start: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxesTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>Delivered to</translation>
    </message>
    <message>
        <source>Last retrieval</source>
        <translation>Last retrieval</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) for %1</source>
        <translation>
            <numerusform>%n rule for %1</numerusform>
            <numerusform>%n rules for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message numerus="yes">
        <source>OK: %n new</source>
        <translation>
            <numerusform>OK: %n new</numerusform>
            <numerusform>OK: %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Mailboxes</translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation>Remove mailbox</translation>
    </message>
    <message>
        <source>Remove mailbox %1? Mail already retrieved stays in the spool; mail on the server is no longer retrieved.</source>
        <translation>Remove mailbox %1? Mail already retrieved stays in the spool; mail on the server is no longer retrieved.</translation>
    </message>
    <message>
        <source>Mail is left in the PickUp folder (%1) for another mail server to take.</source>
        <translation>Mail is left in the PickUp folder (%1) for another mail server to take.</translation>
    </message>
    <message>
        <source>Mail is delivered by %1 to %2.</source>
        <translation>Mail is delivered by %1 to %2.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Passwords go to the service, never into the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox was saved, but the service could not store its password: %1

It cannot be retrieved until a password is stored; open the mailbox again and enter it, or set password_file for mailbox %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not store the delivery password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the provider in the browser, for a mailbox that logs in with OAuth 2.0; again when the provider asks for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailboxes the connector retrieves, with where their mail goes and how the last retrieval went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delivery...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MainWindow</name>
    <message>
        <source>About POP3 Connector</source>
        <translation>About POP3 Connector</translation>
    </message>
    <message>
        <source>POP3 Connector %1
Moves mail from POP3 mailboxes at a provider into the office&apos;s mail server.
Configuration: %2</source>
        <translation>POP3 Connector %1
Moves mail from POP3 mailboxes at a provider into the office&apos;s mail server.
Configuration: %2</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Start connector</source>
        <translation>Start connector</translation>
    </message>
    <message>
        <source>Stop delivery</source>
        <translation>Stop delivery</translation>
    </message>
    <message>
        <source>Start delivery</source>
        <translation>Start delivery</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>working</source>
        <translation>working</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>Next run %1</translation>
    </message>
    <message>
        <source>Start the connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector of %1 is the system service; an administrator starts it.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector Manager - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector is not running (%1). The manager connects to it as soon as it runs; nothing is lost meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is the system service; an administrator starts it. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector running: pid %1, user %2, version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The button starts it for this user. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-run &amp;assistant...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrieve now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About POP3 Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;pool (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MessageJournal</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Incoming Mail</translation>
    </message>
    <message>
        <source>PickUp</source>
        <translation>PickUp</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail</translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; still on the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::NotificationMail</name>
    <message>
        <source>POP3 Connector: %1: resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector found a problem with %1 on %2.

Since: %3
What happened: %4
Event %5: %6

Cause: %7

What to do: %8
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The problem with %1 on %2 is resolved.

Resolved: %3
The problem was: %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems open now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You receive this because this address is the administrator_address of the connector. Each problem is reported at most once an hour; pop3connectorctl diagnose tells the state at any time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::NotificationPolicy</name>
    <message>
        <source>mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer to PickUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery to the local mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The local mail server deferred %n message(s); none was delivered.</source>
        <translation>
            <numerusform>The local mail server deferred %n message; none was delivered.</numerusform>
            <numerusform>The local mail server deferred %n messages; none was delivered.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be routed and were put in Failed Mail.</source>
        <translation>
            <numerusform>%n message could not be routed and was put in Failed Mail.</numerusform>
            <numerusform>%n messages could not be routed and were put in Failed Mail.</numerusform>
        </translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were rejected by the local mail server and put in BadMail.</source>
        <translation>
            <numerusform>%n message was rejected by the local mail server and put in BadMail.</numerusform>
            <numerusform>%n messages were rejected by the local mail server and put in BadMail.</numerusform>
        </translation>
    </message>
    <message>
        <source>the spool&apos;s disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB free of %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Notifier</name>
    <message>
        <source>Report to %1 put in PickUp: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report to %1 could not be put in PickUp: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PasswordRequests</name>
    <message>
        <source>the delivery login reads its password from %1 (password_file); change that file, or remove password_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1 (and it is not &quot;delivery&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox %1 reads its password from %2 (password_file); change that file, or remove password_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password is one line, not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password could not be stored in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was stored in %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password could not be removed from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was removed from %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupEnvelope</name>
    <message>
        <source>the sender %1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope has no recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient %1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient %1 is named twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not begin with an x-sender line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope: x-sender is not alone on the first line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope is cut off in line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope holds a bare CR or LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope has no &lt;path&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope names the null path as a recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope: %2 is not a valid address: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope: %2 is not written as the connector writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 of the envelope names %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope has no x-receiver line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message follows the envelope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line after the envelope is an envelope line in another form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope is longer than %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupFiles</name>
    <message>
        <source>%1 changed while it was copied (%2 bytes, %3 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 bytes, but %3 were written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every recipient has the message already</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupShare</name>
    <message>
        <source>the file has no valid pickup envelope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message (%1 bytes) is larger than %2 accepts (%3 bytes)</source>
        <translation type="unfinished">the message (%1 bytes) is larger than %2 accepts (%3 bytes)</translation>
    </message>
    <message>
        <source>an address is not ASCII and %1 does not support SMTPUTF8</source>
        <translation type="unfinished">an address is not ASCII and %1 does not support SMTPUTF8</translation>
    </message>
    <message>
        <source>Message %1: which recipients have it could not be recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still deferred after two days; last reply: %1</source>
        <translation type="unfinished">still deferred after two days; last reply: %1</translation>
    </message>
    <message>
        <source>Message %1 was deferred but its PickUp file could not be updated: %2</source>
        <translation type="unfinished">Message %1 was deferred but its PickUp file could not be updated: %2</translation>
    </message>
    <message>
        <source>Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5</source>
        <translation type="unfinished">Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5</translation>
    </message>
    <message>
        <source>Message %1 delivered to %2.</source>
        <translation type="unfinished">Message %1 delivered to %2.</translation>
    </message>
    <message>
        <source>Message %1 was rejected (%2) but could not be moved to BadMail: %3</source>
        <translation type="unfinished">Message %1 was rejected (%2) but could not be moved to BadMail: %3</translation>
    </message>
    <message>
        <source>Message %1 was moved to BadMail: %2</source>
        <translation type="unfinished">Message %1 was moved to BadMail: %2</translation>
    </message>
    <message>
        <source>Message %1 was not delivered to %2 and was moved to BadMail: %3</source>
        <translation type="unfinished">Message %1 was not delivered to %2 and was moved to BadMail: %3</translation>
    </message>
    <message>
        <source>Message %1 was dealt with, but could not be removed from PickUp (%2); it may be delivered again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every recipient had it already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local mail server rejected it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Pop3Session</name>
    <message numerus="yes">
        <source>(%n bytes of listing or message)</source>
        <translation>
            <numerusform>(%n bytes of listing or message)</numerusform>
            <numerusform>(%n bytes of listing or message)</numerusform>
        </translation>
    </message>
    <message>
        <source>the server did not greet as a POP3 server does; it said &quot;%1&quot;</source>
        <translation>the server did not greet as a POP3 server does; it said &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the server answered &quot;%1&quot; to %2, which is not a POP3 reply</source>
        <translation>the server answered &quot;%1&quot; to %2, which is not a POP3 reply</translation>
    </message>
    <message>
        <source>the reply is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in its reply to %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Reader</name>
    <message>
        <source>&quot;%1&quot; is not allowed; use a whole number from %2 to %3</source>
        <translation>&quot;%1&quot; is not allowed; use a whole number from %2 to %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use true or false</source>
        <translation>&quot;%1&quot; is not allowed; use true or false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use one of: %2</source>
        <translation>&quot;%1&quot; is not allowed; use one of: %2</translation>
    </message>
    <message>
        <source>unknown key; the keys of this section are: %1</source>
        <translation>unknown key; the keys of this section are: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address (%2); write user@domain</source>
        <translation>&quot;%1&quot; is not an address (%2); write user@domain</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::RecoveryReport</name>
    <message>
        <source>Recovered the spool after an interruption: %1 stored message(s) moved into Incoming Mail, %2 incomplete file(s) removed.</source>
        <translation type="unfinished">Recovered the spool after an interruption: %1 stored message(s) moved into Incoming Mail, %2 incomplete file(s) removed.</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Router</name>
    <message>
        <source>the message has passed through this connector %1 times; it is looping</source>
        <translation>the message has passed through this connector %1 times; it is looping</translation>
    </message>
    <message>
        <source>mailbox %1 has no local_mailbox</source>
        <translation>mailbox %1 has no local_mailbox</translation>
    </message>
    <message>
        <source>no recipient of the message is in the accepted domains (%1)</source>
        <translation>no recipient of the message is in the accepted domains (%1)</translation>
    </message>
    <message>
        <source>no routing rule matches %1</source>
        <translation>no routing rule matches %1</translation>
    </message>
    <message>
        <source>the rule %1 -&gt; %2 gives no valid address for %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local_mailbox %1 of mailbox %2 is not a valid address: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return-Path %1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message has no From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished">%1: %2 {1;?}</translation>
    </message>
    <message>
        <source>%1 and no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and undeliverable_mailbox %2 is not a valid address: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ScanListing</name>
    <message>
        <source>a LIST line is not valid: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ScheduleTab</name>
    <message numerus="yes">
        <source>Last cycle: %n new message(s)</source>
        <translation>
            <numerusform>Last cycle: %n new message</numerusform>
            <numerusform>Last cycle: %n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n delivered</source>
        <translation>
            <numerusform>, %n delivered</numerusform>
            <numerusform>, %n delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n problem(s).</source>
        <translation>
            <numerusform>, %n problem.</numerusform>
            <numerusform>, %n problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieve mail every (minutes):</source>
        <translation>Retrieve mail every (minutes):</translation>
    </message>
    <message>
        <source>Retrieve on this schedule</source>
        <translation>Retrieve on this schedule</translation>
    </message>
    <message>
        <source>Retrieve now</source>
        <translation>Retrieve now</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Logging in</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Listing</translation>
    </message>
    <message>
        <source>Retrieving</source>
        <translation>Retrieving</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Retrieving mail now.</source>
        <translation>Retrieving mail now.</translation>
    </message>
    <message>
        <source>Next retrieval: %1</source>
        <translation>Next retrieval: %1</translation>
    </message>
    <message>
        <source>No retrieval is scheduled; use Retrieve now.</source>
        <translation>No retrieval is scheduled; use Retrieve now.</translation>
    </message>
    <message>
        <source>Retrieval was cancelled; what was stored is delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not take the schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each mailbox&apos;s progress in the running retrieval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ServiceChecks</name>
    <message>
        <source>The service runs as %1, process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped by an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail collects in PickUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it again: pop3connectorctl delivery start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule: mail is retrieved only when someone asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set schedule_enabled = true in [connector], unless cycles are started on purpose (pop3connectorctl retrieve-now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A cycle runs every %n minute(s)</source>
        <translation>
            <numerusform>A cycle runs every %n minute</numerusform>
            <numerusform>A cycle runs every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>started %1, took %n second(s)</source>
        <translation>
            <numerusform>started %1, took %n second</numerusform>
            <numerusform>started %1, took %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>The last cycle took longer than the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise interval_minutes, or lower max_messages_per_cycle so that one cycle ends before the next is due; look for a slow mailbox in the event log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last cycle finished in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last retrieval of %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the findings of mailbox %1 below: if they pass now, the problem has gone since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A problem with %1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (reported to the administrator)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ServiceController</name>
    <message>
        <source>%1 is not there or cannot be run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SignInRequests</name>
    <message>
        <source>the configuration has no mailbox %1 (and it is not &quot;delivery&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logs in with a password; set auth = xoauth2 or oauthbearer in its section first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refresh token is one line, not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in could not be stored in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in of %1 was stored in %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SmtpConnection</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>(message body)</source>
        <translation>(message body)</translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot;, which is not an SMTP reply</source>
        <translation>the server sent &quot;%1&quot;, which is not an SMTP reply</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SocketChannel</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 holds no PEM certificate</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Spool</name>
    <message>
        <source>%1 left in place: the ledger of mailbox %2 cannot be read</source>
        <translation>%1 left in place: the ledger of mailbox %2 cannot be read</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the spool are readable by other users and cannot be made private: %1</source>
        <translation>
            <numerusform>%n file of the spool are readable by other users and cannot be made private: %1</numerusform>
            <numerusform>%n files of the spool are readable by other users and cannot be made private: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolBrowser</name>
    <message>
        <source>From: %1
To: %2
Subject: %3
Date: %4
</source>
        <translation>From: %1
To: %2
Subject: %3
Date: %4
</translation>
    </message>
    <message>
        <source>Reason: %1
</source>
        <translation>Reason: %1
</translation>
    </message>
    <message>
        <source>only messages in Failed Mail or BadMail can be requeued</source>
        <translation>only messages in Failed Mail or BadMail can be requeued</translation>
    </message>
    <message>
        <source>message %1 is no longer in %2</source>
        <translation>message %1 is no longer in %2</translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation>no undeliverable-mail mailbox is configured (undeliverable_mailbox)</translation>
    </message>
    <message>
        <source>POP3 Connector could not deliver the attached message as it was.

Folder: %1
Reason: %2
Mailbox: %3
Retrieved: %4

The original is attached as original.eml.
</source>
        <translation>POP3 Connector could not deliver the attached message as it was.

Folder: %1
Reason: %2
Mailbox: %3
Retrieved: %4

The original is attached as original.eml.
</translation>
    </message>
    <message>
        <source>Undeliverable message: %1</source>
        <translation>Undeliverable message: %1</translation>
    </message>
    <message>
        <source>Requested by %1.</source>
        <translation>Requested by %1.</translation>
    </message>
    <message>
        <source>Message %1 requeued from %2 to %3.</source>
        <translation>Message %1 requeued from %2 to %3.</translation>
    </message>
    <message>
        <source>Message %1 requeued from %2 to %3 as %4.</source>
        <translation>Message %1 requeued from %2 to %3 as %4.</translation>
    </message>
    <message>
        <source>Message %1 of %2 copied to %3.</source>
        <translation>Message %1 of %2 copied to %3.</translation>
    </message>
    <message>
        <source>Message %1 deleted from %2.</source>
        <translation>Message %1 deleted from %2.</translation>
    </message>
    <message>
        <source>Message %1 of %2 attached to message %3 in PickUp for %4.</source>
        <translation>Message %1 of %2 attached to message %3 in PickUp for %4.</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolChecks</name>
    <message>
        <source>Folder %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the service: it recreates its folders. Until then nothing can be stored or delivered through this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 belongs to another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is owned by user id %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it back to the service user: chown -R USER %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make it writable for the service user: chmod 700 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder %1 is in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message waits longer than two cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in Incoming Mail and PickUp</source>
        <translation>
            <numerusform>%n message in Incoming Mail and PickUp</numerusform>
            <numerusform>%n messages in Incoming Mail and PickUp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waited longer than two cycles</source>
        <translation>
            <numerusform>%n message waited longer than two cycles</numerusform>
            <numerusform>%n messages waited longer than two cycles</numerusform>
        </translation>
    </message>
    <message>
        <source>In Incoming Mail: the transfer stage is stopped or fails on them (see the event log). In PickUp: delivery is stopped, or the local mail server defers them; check the Delivery findings below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file was renamed by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) renamed or left by another program</source>
        <translation>
            <numerusform>%n file renamed or left by another program</numerusform>
            <numerusform>%n files renamed or left by another program</numerusform>
        </translation>
    </message>
    <message>
        <source>An antivirus or backup program renamed or removed spool files, so the connector ignores them. Exclude the spool from scanning, then give each message its &quot;.eml&quot; name back (or move it out, if it is really infected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space on the file system of %1, or move the spool to a larger one (the spool key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than %1 free in the spool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enough free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 inodes free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove files on the file system of %1: it can hold no more files even with space left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s file system is out of inodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s file system is running out of inodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enough free inodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool is in memory (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything in it, mail not yet delivered included, is gone at the next restart or power cut. Move the spool to a disk (the spool key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s file system keeps no journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on %2 without a journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a power cut a rename can be left half done until fsck repairs it, and each new file is slowed by the files just removed, so the connector&apos;s own stages slow it down. Add a journal while the file system is unmounted (tune2fs -O has_journal /dev/%1), or move the spool to a journaled file system (the spool key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s file system keeps a journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolLock</name>
    <message>
        <source>the spool %1 is in use by %2 (process %3 on %4); stop it first, or give this connector another spool</source>
        <translation>the spool %1 is in use by %2 (process %3 on %4); stop it first, or give this connector another spool</translation>
    </message>
    <message>
        <source>cannot lock %1: check the permissions of the spool folder</source>
        <translation>cannot lock %1: check the permissions of the spool folder</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolModel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n days ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Retrieved</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Spool name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolRequests</name>
    <message>
        <source>&quot;%1&quot; is not the name of a spool message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no spool folder &quot;%1&quot;; the folders are incoming, failed, pickup and badmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no spool folder holds a message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is in more than one folder; name the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is not in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spoolList takes a folder: incoming, failed, pickup or badmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the messages (names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured ([connector] undeliverable_mailbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 was requeued from %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 is no longer in %2</source>
        <translation>message %1 is no longer in %2</translation>
    </message>
    <message>
        <source>Message %1 was deleted from %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 of %2 was sent to %3 as an attachment by %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 of %2 was exported by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message %1 stays in %2: the mail server that reads PickUp (transport = pickup) could not take it as it is (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolTab</name>
    <message>
        <source>Failed Mail goes back to Incoming Mail, BadMail back to PickUp.</source>
        <translation>Failed Mail goes back to Incoming Mail, BadMail back to PickUp.</translation>
    </message>
    <message>
        <source>Attach the message to a new message for the undeliverable-mail mailbox.</source>
        <translation>Attach the message to a new message for the undeliverable-mail mailbox.</translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Incoming Mail</translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail</translation>
    </message>
    <message>
        <source>PickUp</source>
        <translation>PickUp</translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>Export message</translation>
    </message>
    <message>
        <source>Export messages to</source>
        <translation>Export messages to</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Delete messages</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s) for good? They cannot be recovered.</source>
        <translation>
            <numerusform>Delete %n message for good? They cannot be recovered.</numerusform>
            <numerusform>Delete %n messages for good? They cannot be recovered.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spool</source>
        <translation>Spool</translation>
    </message>
    <message>
        <source>No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab first.</source>
        <translation>No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab first.</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>Working...</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) requeued; they are delivered on the next cycle.</source>
        <translation>
            <numerusform>%n message requeued; they are delivered on the next cycle.</numerusform>
            <numerusform>%n messages requeued; they are delivered on the next cycle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported.</source>
        <translation>
            <numerusform>%n message exported.</numerusform>
            <numerusform>%n messages exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted.</source>
        <translation>
            <numerusform>%n message deleted.</numerusform>
            <numerusform>%n messages deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) attached to new messages for the undeliverable-mail mailbox.</source>
        <translation>
            <numerusform>%n message attached to new messages for the undeliverable-mail mailbox.</numerusform>
            <numerusform>%n messages attached to new messages for the undeliverable-mail mailbox.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... and %n more.</numerusform>
            <numerusform>... and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Requeue messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) would go back to Failed Mail, because what sent them there is not fixed:</source>
        <translation>
            <numerusform>%n message would go back to Failed Mail, because what sent it there is not fixed:</numerusform>
            <numerusform>%n messages would go back to Failed Mail, because what sent them there is not fixed:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the cause first (the Troubleshooting tab&apos;s diagnostics help), or requeue anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was requeued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spool&apos;s folders with how many messages each holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages of the chosen folder. Delete deletes the selected ones after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header and text of the selected message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spool status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport .eml...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to &amp;undeliverable mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished">Reason: %1
 {1?}</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TokenBroker</name>
    <message>
        <source>the delivery login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access token of %1 could not be renewed (%2); the next attempt is at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody has signed in for %1 yet; sign in in the manager or with: pop3connectorctl authorize %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in of %1 cannot be read from the password store: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider withdrew the sign-in of %1 (%2); sign in again in the manager or with: pop3connectorctl authorize %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access token of %1 could not be renewed at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TokenClient</name>
    <message>
        <source>%1 is not a web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrackingRequests</name>
    <message>
        <source>the service has no message journal yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrackingView</name>
    <message>
        <source>Message-ID, sender, recipient, subject or spool name (empty: every message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All that is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the Spool tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Spool name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found in %1 ms.</source>
        <translation>
            <numerusform>%n message found in %1 ms.</numerusform>
            <numerusform>%n messages found in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where is a message? Search the service&apos;s message journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a message to see its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connector is not running (%1): its journal cannot be searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Stored in Incoming Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Routed to PickUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏸ Deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Moved to Failed Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Moved to BadMail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from mailbox %1 at %2, UIDL %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message-ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requeued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent to the undeliverable-mail mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of %1: now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages the search found, most recent first, with where each is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each step of the selected message, oldest first: stored, routed, delivered or failed, and what administrators did with it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TransferStage</name>
    <message>
        <source>the message has no readable sidecar (%1)</source>
        <translation>the message has no readable sidecar (%1)</translation>
    </message>
    <message>
        <source>the message cannot be read: %1</source>
        <translation>the message cannot be read: %1</translation>
    </message>
    <message>
        <source>Message %1 could not be moved to Failed Mail: %2</source>
        <translation>Message %1 could not be moved to Failed Mail: %2</translation>
    </message>
    <message>
        <source>Message %1 was moved to Failed Mail: %2</source>
        <translation>Message %1 was moved to Failed Mail: %2</translation>
    </message>
    <message>
        <source>Message %1 has no local recipient (%2); it was sent to %3.</source>
        <translation>Message %1 has no local recipient (%2); it was sent to %3.</translation>
    </message>
    <message>
        <source>Message %1 routed to %2.</source>
        <translation>Message %1 routed to %2.</translation>
    </message>
    <message>
        <source>Message %1 (Message-ID %2) was already delivered to its recipients; not delivered again.</source>
        <translation>Message %1 (Message-ID %2) was already delivered to its recipients; not delivered again.</translation>
    </message>
    <message>
        <source>Transfer stopped: %1. The messages stay in Incoming Mail.</source>
        <translation>Transfer stopped: %1. The messages stay in Incoming Mail.</translation>
    </message>
    <message>
        <source>Transfer: %1 message(s) put in PickUp (%2 to the undeliverable-mail mailbox), %3 to Failed Mail, %4 duplicate(s) not delivered again.</source>
        <translation>Transfer: %1 message(s) put in PickUp (%2 to the undeliverable-mail mailbox), %3 to Failed Mail, %4 duplicate(s) not delivered again.</translation>
    </message>
    <message>
        <source>no pickup envelope can be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured (undeliverable_mailbox), so nobody receives it for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a copy went to the undeliverable-mail mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the undeliverable-mail mailbox %1 had a copy already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1: %2 reach no local mailbox (%3); %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1: %2; it is delivered with the sender %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to the undeliverable-mail mailbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered before to every recipient; not delivered again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it came from mailbox %1, which is no longer configured</source>
        <translation>it came from mailbox %1, which is no longer configured</translation>
    </message>
    <message>
        <source>A PickUp file could not be rewritten in the pickup-directory format for the mail server that reads the folder (transport = pickup): %1. It stays in PickUp as it was; the next transfer tries again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrayNotifier</name>
    <message>
        <source>POP3 Connector: the connector is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector: mail is not moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector: something needs a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 Connector: working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed Mail (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Troubleshooter</name>
    <message>
        <source>Login not tried: no password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the password finding under Configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery is left to another mail server (transport = pickup)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TroubleshootingTab</name>
    <message>
        <source>Log level:</source>
        <translation>Log level:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Minimum (errors)</source>
        <translation>Minimum (errors)</translation>
    </message>
    <message>
        <source>Medium (errors, warnings, summaries)</source>
        <translation>Medium (errors, warnings, summaries)</translation>
    </message>
    <message>
        <source>Maximum (everything, with protocol transcripts)</source>
        <translation>Maximum (everything, with protocol transcripts)</translation>
    </message>
    <message>
        <source>Undeliverable-mail mailbox:</source>
        <translation>Undeliverable-mail mailbox:</translation>
    </message>
    <message>
        <source>postmaster@office.example</source>
        <translation>postmaster@office.example</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Find in events</source>
        <translation>Find in events</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>Troubleshooting</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an event to see its cause and how to fix it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select an event to see its cause and how to fix it.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Cause:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator&apos;s address for problem reports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin@office.example (empty: no reports by mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service mails this address when a problem starts and when it ends, at most once an hour for each problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Message tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the connector did and what went wrong, newest last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected event&apos;s cause and what to do about it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::UndeliverableField</name>
    <message>
        <source>&quot;%1&quot; is not an address like user@domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeliverable-mail mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set. Mail that no rule can route waits in Failed Mail until someone moves it; enter a local address such as postmaster@your-domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an address the connector can deliver to: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pop3Connector::UniqueIdListing</name>
    <message>
        <source>a UIDL line is not valid: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot read the ledger %1: %2</source>
        <translation>cannot read the ledger %1: %2</translation>
    </message>
    <message>
        <source>cannot write the ledger %1: %2</source>
        <translation>cannot write the ledger %1: %2</translation>
    </message>
    <message>
        <source>no server or user is known for mailbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: the delivery history is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some steps of messages were not recorded in the message journal (the messages themselves are safe): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the message journal %1 is full for today; %n record(s) were not kept</source>
        <translation>
            <numerusform>the message journal %1 is full for today; %n record were not kept</numerusform>
            <numerusform>the message journal %1 is full for today; %n records were not kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pop3connector</name>
    <message>
        <source>POP3 Connector Manager</source>
        <translation>POP3 Connector Manager</translation>
    </message>
    <message>
        <source>Configuration file of the service to administer (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pop3connectord</name>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>pop3connectord: %1 has no [mailbox.%2] section</source>
        <translation>pop3connectord: %1 has no [mailbox.%2] section</translation>
    </message>
    <message>
        <source>pop3connectord: no password given; nothing stored</source>
        <translation>pop3connectord: no password given; nothing stored</translation>
    </message>
    <message>
        <source>Retrieves mail from POP3 mailboxes into the spool and delivers it to the local mail server.
Exit status: 0 all mailboxes succeeded, 1 a mailbox failed, 2 bad command line or configuration.</source>
        <translation>Retrieves mail from POP3 mailboxes into the spool and delivers it to the local mail server.
Exit status: 0 all mailboxes succeeded, 1 a mailbox failed, 2 bad command line or configuration.</translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation>Configuration file (default %1).</translation>
    </message>
    <message>
        <source>Run one cycle, then exit.</source>
        <translation>Run one cycle, then exit.</translation>
    </message>
    <message>
        <source>Run only these stages, comma-separated: download, transfer, dispatch.</source>
        <translation>Run only these stages, comma-separated: download, transfer, dispatch.</translation>
    </message>
    <message>
        <source>Check the configuration file and exit.</source>
        <translation>Check the configuration file and exit.</translation>
    </message>
    <message>
        <source>pop3connectord: unexpected argument &quot;%1&quot;; see --help</source>
        <translation>pop3connectord: unexpected argument &quot;%1&quot;; see --help</translation>
    </message>
    <message>
        <source>pop3connectord: --stages takes download, transfer and dispatch, comma-separated; not &quot;%1&quot;</source>
        <translation>pop3connectord: --stages takes download, transfer and dispatch, comma-separated; not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: configuration is valid.</source>
        <translation>%1: configuration is valid.</translation>
    </message>
    <message>
        <source>pop3connectord: %1: %2 What to do: %3</source>
        <translation>pop3connectord: %1: %2 What to do: %3</translation>
    </message>
    <message>
        <source>Password for %1 stored in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop3connectord: cannot store the password in %1: %2. Unlock the keychain, or use password_file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1 stored by the running service in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a password from standard input and store it for the mailbox (or &quot;delivery&quot;), through the running service when one answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing answers on %1; these checks ran as user id %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the service (systemctl start pop3connector), unless cycles run from cron with --once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every check of the troubleshooter (by the running service when one answers) and print the report. Exit status: 0 all pass, 1 a warning, 2 a failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--diagnose: print JSON, for monitoring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
