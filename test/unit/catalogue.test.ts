// The failure catalogue as data: every record has a realistic trace line that produces exactly its
// finding, near misses that must not, complete English and Japanese text, linear patterns, and a
// Win32 table complete enough to name the errors ICM prints.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogue, win32Error, win32Errors } from "../../server/src/knowledge/catalogue";
import { pendingSequenceRecords } from "../../server/src/knowledge/records/pendingSequence";
import type { FailureRecord, Localized, QuickFixHint } from "../../server/src/knowledge/types";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { checksumDifferences } from "../../server/src/analysis/pairRules";
import { fillTemplate } from "../../server/src/model/findings";
import { sample } from "./helpers";

interface Fixture {
  /** Trace text; a line record's fixture is one `HH:MM:SS Trace: message` entry. */
  readonly text: string;
  /** Entries that look alike but must not produce this record. */
  readonly near?: readonly string[];
  /** For a rule over both sides: the other side's trace. */
  readonly peer?: string;
}

const temp = (code: number, text: string) =>
  `16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [${code}]: ${text}`;

const api = (context: string, code: number, text: string) => `10:11:12 Trace: ${context} Last API Error [${code}]: ${text}`;

/** One fixture per catalogue record, by id. */
const fixtures: Readonly<Record<string, Fixture>> = {
  // State transfer (stateTransfer.ts)
  "temp-file-access-denied": { text: temp(5, "Access is denied."), near: [temp(112, "There is not enough space on the disk.")] },
  "temp-file-disk-full": { text: temp(112, "There is not enough space on the disk."), near: [temp(5, "Access is denied.")] },
  "temp-file-failed": { text: temp(3, "The system cannot find the path specified."), near: [temp(39, "The disk is full.")] },
  "state-send-aborted": {
    text: [
      "16:47:39 Trace: PrepareToSendState",
      temp(5, "Access is denied."),
      "16:47:39 Trace: Unable to setup to use file in sending state.",
      "16:47:39 Trace: CleanupPreparedState",
    ].join("\n"),
    near: ["16:47:39 Trace: PrepareToSendState\n16:47:40 Trace: Synchronizing Configuration Data"],
  },
  "state-receive-incomplete": {
    text: [
      "23:27:04 Initiating state transfer RECEIVE operation.",
      "23:27:08 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
      "23:27:18 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
    ].join("\n"),
    near: ["23:27:04 Initiating state transfer RECEIVE operation.\n23:27:30 Trace: State transfer complete."],
  },
  // Database schema (database.ts)
  // Both sides together (pairs.ts)
  "config-checksum-differs": {
    text: "23:27:03 Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570, updateKey = 310473991055",
    peer: "16:47:20 Trace: Checksum config complete: Rows = 23441, bytes = 13409380, checksum = 105112298, updateKey = 310473991055",
  },
  // Rules over several entries (operations.ts)
  "process-restart-loop": {
    text: [
      "10:00:00 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
      "10:04:10 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
      "10:08:30 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
    ].join("\n"),
    near: [
      [
        "10:00:00 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
        "11:00:00 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
        "12:00:00 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
      ].join("\n"),
    ],
  },
  "peer-never-returned": {
    text: ["15:40:01 Trace: Connection to Central Controller side A failed.", "15:52:00 Trace: Queuing low priority roll-forward to PG01 (seq 12)"].join("\n"),
    near: [["15:40:01 Trace: Connection to Central Controller side A failed.", "15:40:30 MDS is in service.", "15:52:00 Trace: Queuing low priority roll-forward to PG01 (seq 12)"].join("\n")],
  },
  "database-connect-incomplete": {
    text: ["23:26:58 Trace: Connect to cus01_sideA database.", "23:28:30 Trace: Setting the maximum number of DB-Lib connections to 101"].join("\n"),
    near: [["23:26:58 Trace: Connect to cus01_sideA database.", "23:26:59 Trace: Connected to cus01_sideA database.", "23:28:30 Trace: Setting the maximum number of DB-Lib connections to 101"].join("\n")],
  },
  "schema-version-mismatch": {
    text: [
      "23:27:03 Trace: Database uses Major Version 76, CC Minor Version 2 of the Schema",
      "23:27:03 Trace: Logger Compatible with Major Version 77, CC Minor Version 4 of the Schema",
    ].join("\n"),
    near: [
      [
        "23:27:03 Trace: Database uses Major Version 77, CC Minor Version 4 of the Schema",
        "23:27:03 Trace: Logger Compatible with Major Version 77, CC Minor Version 4 of the Schema",
      ].join("\n"),
    ],
  },
  // Layout (layout.ts)
  "run-together-entries": {
    text: "23:26:58 Trace: Logger Type is 123:26:58 Initializing Node Manager Library.",
    near: ["23:26:58 Trace: Logger Type is 1\n23:26:58 Initializing Node Manager Library."],
  },
  // Configuration checksum (checksum.ts)
  "config-message-log-empty": {
    text: "11:20:05 la-lgr Fail: Assertion failed: syncMsg.UpdateKey == g.checksumInfo.updateKey. File: y:\\icm\\logger\\logger\\rtinput.cpp. Line 691",
    near: ["11:20:05 la-lgr Fail: Assertion failed: m_pConn != NULL. File: y:\\icm\\logger\\logger\\dbconn.cpp. Line 412"],
  },
  // Node Manager (nodeManager.ts)
  "process-down-unknown-reason": {
    text: "09:14:02 Trace: Process lgr on ICM\\cus01\\LoggerA went down for unknown reason. Exit code 0xC0000005. It will be automatically restarted.",
    near: ["09:14:31 Trace: ICM\\cus01\\LoggerA node process lgr successfully reinitialized after restart."],
  },
  "process-delayed-restart": {
    text: "09:14:12 Trace: ICM\\cus01\\LoggerA node restarting process lgr after having delayed restart for 10 seconds.",
    near: ["09:14:31 Trace: ICM\\cus01\\LoggerA node process lgr successfully reinitialized after restart."],
  },
  "process-reinitialized": {
    text: "09:14:31 Trace: ICM\\cus01\\LoggerA node process lgr successfully reinitialized after restart.",
    near: ["09:14:12 Trace: ICM\\cus01\\LoggerA node restarting process lgr after having delayed restart for 10 seconds."],
  },
  "central-site-process-down": {
    text: "10:02:44 Trace: Process rtr at the Central Site side A is down.",
    near: ["10:02:44 Trace: Side A rtr process is OK."],
  },
  "process-assertion": {
    text: "11:20:05 la-lgr Fail: Assertion failed: m_pConn != NULL. File: y:\\icm\\logger\\logger\\dbconn.cpp. Line 412",
    // The specific record explains this one: the fallback stays quiet.
    near: ["11:20:05 la-lgr Fail: Assertion failed: syncMsg.UpdateKey == g.checksumInfo.updateKey. File: y:\\icm\\logger\\logger\\rtinput.cpp. Line 691"],
  },
  // MDS, synchronizers, networks (network.ts)
  "heartbeat-event": {
    text: "13:05:17 Trace: HeartBeat Event for Side B",
    near: ["23:27:03 Trace: The Logger is registered with MDS; handle = 36"],
  },
  "logger-hds-connection-broken": {
    text: "14:22:10 Trace: Logger or HDS on connection 1 using 10.10.20.5 is either out of service or communication has broken.",
    near: ["14:22:40 Trace: Connected To Client on 10.10.20.5 using port 40026."],
  },
  "synchronizer-isolated-enabled": {
    text: "02:11:45 Trace: Synchronizer state is Isolated-Enabled",
    near: ["02:11:45 Trace: Synchronizer state is Paired-Enabled", "02:11:45 Trace: Synchronizer state is Isolated-Disabled"],
  },
  "synchronizer-isolated-disabled": {
    text: "02:11:45 Trace: Synchronizer state is Isolated-Disabled",
    near: ["02:11:45 Trace: Synchronizer state is Isolated-Enabled", "02:11:45 Trace: Synchronizer state is Paired-Disabled"],
  },
  // Router (router.ts)
  "router-state-size-alarm": {
    text: "08:00:12 Trace: The router state size of 31 MB has grown beyond the alarm limit of 30 MB",
    near: ["23:27:03 Trace: Checksum config complete: Rows = 23442, bytes = 13409511, checksum = 783166570, updateKey = 310473991055"],
  },
  // Peripheral Gateways (peripheral.ts)
  "pg-not-connected": {
    text: "15:40:02 Trace: Peripheral Gateway PG2 (ID 5001) is not connected to the Central Controller or is out of service. Routing to this site is impacted.",
    near: ["15:40:09 Trace: Device PG2A path changing to active state."],
  },
  "cc-connection-failed": {
    text: "15:40:01 Trace: Connection to Central Controller side A failed.",
    near: ["23:27:03 Connection to MDS process established."],
  },
  "device-path-idle": {
    text: "15:40:03 Trace: Device PG2A path changing to idle state.",
    near: ["15:40:09 Trace: Device PG2A path changing to active state."],
  },
  "peripheral-offline": {
    text: "15:40:05 Trace: ACD/IVR IVR4(ID 5007) is off-line and not visible to the Peripheral Gateway. Routing to this site is impacted.",
    near: ["15:55:05 Trace: Peripheral IVR4(ID 5007) is on-line."],
  },
  "peripheral-not-operational": {
    text: "15:40:06 Trace: PG has reported that peripheral CUCM_PG1(ID 5000) is not operational.",
    near: ["15:55:06 Trace: PG has reported that peripheral CUCM_PG1(ID 5000) is operational."],
  },
  // Replication (replication.ts)
  "replication-connection-broken": {
    text: "13:52:17 Connection To Server Broken.",
    near: ["13:52:04 Connected To Server on geodarsicmb using port 40068."],
  },
  // SQL Server (sql.ts)
  "sql-dblib-unavailable": {
    text: "23:26:58 Trace: Unable to connect: SQL Server is unavailable or does not exist.",
    near: ["23:26:58 Trace: DB-Library version 7.00.839."],
  },
  "sql-server-not-found": {
    text: "23:26:58 Trace: [Microsoft][ODBC SQL Server Driver][DBNETLIB]SQL Server does not exist or access denied.",
    near: ["23:26:58 Trace: Unable to connect: SQL Server is unavailable or does not exist."],
  },
  "sql-network-instance-error": {
    text: "23:26:58 Trace: [Microsoft][ODBC Driver 17 for SQL Server]A network-related or instance-specific error has occurred while establishing a connection to SQL Server.",
    near: ["23:26:58 Trace: Connect to cus01_sideA database."],
  },
  "sql-login-timeout": {
    text: "23:26:58 Trace: [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired",
    near: ["23:26:58 Trace: Connected to cus01_sideA database."],
  },
  "sql-general-network-error": {
    text: "01:02:03 Trace: [DBNETLIB][ConnectionWrite (send()).]General network error. Check your network documentation.",
    near: ["01:02:03 Trace: [DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or access denied."],
  },
  "sql-communication-link-failure": {
    text: "01:02:03 Trace: [Microsoft][ODBC SQL Server Driver]Communication link failure",
    near: ["01:02:03 Trace: Connection to MDS process established."],
  },
  "sql-login-failed": {
    text: "23:26:58 Trace: [Microsoft][ODBC SQL Server Driver][SQL Server]Login failed for user 'CUS01\\svc-icm'.",
    near: ["23:26:58 Trace: Connected to cus01_sideA database."],
  },
  "sql-cannot-open-database": {
    text: '23:26:58 Trace: [Microsoft][ODBC SQL Server Driver][SQL Server]Cannot open database "cus01_sideA" requested by the login. The login failed.',
    near: ["23:26:58 Trace: Connect to cus01_sideA database."],
  },
  "sql-filegroup-full": {
    text: "00:45:12 Trace: Could not allocate space for object 'dbo.t_Termination_Call_Detail'.'XPKt_Termination_Call_Detail' in database 'cus01_sideA' because the 'PRIMARY' filegroup is full.",
    near: ["00:45:12 Trace: The transaction log for database 'cus01_sideA' is full due to 'LOG_BACKUP'."],
  },
  "sql-transaction-log-full": {
    text: "00:31:07 Trace: The transaction log for database 'cus01_sideA' is full due to 'LOG_BACKUP'.",
    near: ["00:45:12 Trace: Could not allocate space for object 'dbo.t_Agent'.'XPKt_Agent' in database 'cus01_sideA' because the 'PRIMARY' filegroup is full."],
  },
  "sql-deadlock-victim": {
    text: "10:30:00 Trace: Transaction (Process ID 57) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.",
    near: ["10:30:00 Trace: Commit Config Transaction 2000000598"],
  },
  "sql-sort-order-not-binary": {
    text: "23:27:03 Trace: SQL Server sort order is SQL_Latin1_General_CP1_CI_AS",
    near: ["23:27:03 Trace: SQL Server sort order is Latin1_General_BIN", "23:27:03 Trace: SQL Server sort order is Japanese_BIN2"],
  },
  // Windows API families (windowsApi.ts); the generic one (windows.ts)
  "api-access-denied": {
    text: api("Unable to create file c:\\icm\\cus01\\la\\logfiles\\lgr.ems.", 5, "Access is denied."),
    near: [temp(5, "Access is denied.")],
  },
  "api-disk-full": {
    text: api("Unable to write EMS log file.", 112, "There is not enough space on the disk."),
    near: [temp(112, "There is not enough space on the disk.")],
  },
  "api-path-not-found": {
    text: api("Unable to open file d:\\icm\\cus01\\la\\export\\cfg.dat.", 3, "The system cannot find the path specified."),
    near: [temp(3, "The system cannot find the path specified.")],
  },
  "api-file-in-use": {
    text: api("OpenFile for export failed.", 32, "The process cannot access the file because it is being used by another process."),
    near: [api("OpenFile for export failed.", 5, "Access is denied.")],
  },
  "api-network-unreachable": {
    text: api("Unable to connect to \\\\cus01lgrb\\export.", 53, "The network path was not found."),
    near: [api("Unable to connect to \\\\cus01lgrb\\export.", 64, "The specified network name is no longer available.")],
  },
  "api-connection-lost": {
    text: api("Receive on session to 10.10.20.6 failed.", 10054, "An existing connection was forcibly closed by the remote host."),
    near: [api("Connect to 10.10.20.6 failed.", 10061, "No connection could be made because the target machine actively refused it.")],
  },
  "api-network-timeout": {
    text: api("Connect to 10.10.20.6 failed.", 10060, "A connection attempt failed because the connected party did not properly respond after a period of time."),
    near: [api("Connect to 10.10.20.6 failed.", 10061, "No connection could be made because the target machine actively refused it.")],
  },
  "api-connection-refused": {
    text: api("Connect to 10.10.20.6 failed.", 10061, "No connection could be made because the target machine actively refused it."),
    near: [api("Connect to 10.10.20.6 failed.", 10060, "A connection attempt failed.")],
  },
  "api-logon-failure": {
    text: api("LogonUser failed for CUS01\\svc-icm.", 1909, "The referenced account is currently locked out and may not be logged on to."),
    near: [api("CreateFile failed.", 1326, "Logon failure")],
  },
  "api-out-of-resources": {
    text: api("CreateThread failed.", 1450, "Insufficient system resources exist to complete the requested service."),
    near: [api("CreateThread failed.", 87, "The parameter is incorrect.")],
  },
  "api-rpc-failure": {
    text: api("OpenSCManager on \\\\cus01lgrb failed.", 1722, "The RPC server is unavailable."),
    near: [api("OpenSCManager on \\\\cus01lgrb failed.", 5, "Access is denied.")],
  },
  "api-pipe-failure": {
    // Japanese Windows writes the meaning in Japanese: the number decides.
    text: api("WriteFile to pipe \\\\.\\pipe\\cus01\\LoggerA\\lgrEMSPipe failed.", 233, "パイプの他端にプロセスがありません。"),
    near: [api("WriteFile to pipe failed.", 5, "アクセスが拒否されました。")],
  },
  "api-device-error": {
    text: api("WriteFile failed.", 1117, "The request could not be performed because of an I/O device error."),
    near: [api("WriteFile failed.", 112, "There is not enough space on the disk.")],
  },
  "api-service-control": {
    text: api("StartService Cisco ICM cus01 LoggerA failed.", 1053, "The service did not respond to the start or control request in a timely fashion."),
    near: [api("StartService failed.", 1069, "The service did not start due to a logon failure.")],
  },
  "api-error": {
    text: api("RegOpenKeyEx failed.", 87, "The parameter is incorrect."),
    near: [api("RegOpenKeyEx failed.", 5, "Access is denied.")],
  },
  // Support Tools, ICM Gateway (supportTools.ts, icmGateway.ts)
  "merge-missing-sntp": {
    text: "12:00:00 Trace: Missing SNTP data for all of the following files logs prevented merging logs: rtr_070208_000000.ems",
  },
  "icmgw-readiness-false": {
    text: "12:00:00 Trace: %MMCA__ICMGW-6-SERVER_READINESS_UPDATE:%[ready=false]",
    near: ["12:00:00 Trace: %MMCA__ICMGW-6-SERVER_READINESS_UPDATE:%[ready=true]"],
  },
  // Router: VRU dialog, routing end, translation routes (routerCallRouting.ts). Messages from the published
  // excerpts under test/fixtures/published/rtr/, with the `HH:MM:SS:mmm ra-rtr` head made a plain `HH:MM:SS Trace:`.
  "rtr-vru-transfer-reroute": {
    text: "13:02:50 Trace: (763764 x 8906 : 0 0) ReRoute: Reason=1 CallState=1.",
    near: ["13:02:50 Trace: (763764 x 8906 : 0 0) Dialog handling a reroute request"],
  },
  "rtr-dialog-timed-out": {
    text: "15:57:11 Trace: (65557 x 9025 : 0 0) Dialog timed out callstate is :(1).",
    near: ["10:35:04 Trace: (7 8 8919 : 0 0) Dialog timed out waiting for requery response. failing."],
  },
  "rtr-requery-response-timeout": {
    text: "10:35:04 Trace: (7 8 8919 : 0 0) Dialog timed out waiting for requery response. failing.",
    near: ["10:35:04 Trace: (7 8 8919 : 0 0) Dialog timed out callstate is :(15)."],
  },
  "rtr-correlation-id-unknown": {
    text: "10:33:32 Trace: Dialog (13) has a correlation id (922 922) that is unknown.",
    near: ["12:47:24 Trace: (763759 x 0 : 0 0) Correlation id for dialog is (8902)."],
  },
  "rtr-unknown-dialog-id": {
    text: "10:33:32 Trace: For message (14) from routing client CVPRC (ID 5001) could not find dialog id (922).",
    near: ["12:41:02 Trace: (763757 x 0 : 0 0) Dialog sending release call message to Routing Client ID(5001)."],
  },
  "rtr-dialog-fail-reason": {
    text: "11:10:15 Trace: Router sending dialog fail reason (11) for dialog (16).",
    near: ["11:10:15 Trace: (16 x 0 : 0 0) Dialog sending dialog fail reason (11)"],
  },
  "rtr-vru-script-error": {
    text: "10:47:27 Trace: (116 117 9000 : 0 0) VRU script response had error.",
    near: ["10:47:27 Trace: (116 117 9000 : 0 0) Dialog transfer to VRU successful - now running script."],
  },
  "rtr-route-no-label": {
    text: "12:41:02 Trace:      Route: CID=(150429,204), Labels=0",
    near: ["12:41:02 Trace:      Route: CID=(150429,204), Labels=1"],
  },
  "rtr-translation-route-timeout": {
    text: "06:17:32 Trace: Physical controller ARL_ACD, timed out call (Callkey 28130) on translation route AllSitesTnT2ARL1_TR, peripheral target 7485.",
    near: ["06:17:32 Trace: Physical controller ARL_ACD, timed out call (Callkey 28130)."],
  },
  // Router: network VRU lookup (networkVru.ts)
  "rtr-dn-customer-not-found": {
    text: "12:41:02 Trace: (763757 x 0 : 0 0) Customer not found for dialed number (2003) - using default.",
    near: ["12:44:46 Trace: (763758 x 0 : 0 0) Customer (1) has no valid network vru defined - using default."],
  },
  "rtr-customer-no-network-vru": {
    text: "12:44:46 Trace: (763758 x 0 : 0 0) Customer (1) has no valid network vru defined - using default.",
    near: ["12:41:02 Trace: (763757 x 0 : 0 0) Customer not found for dialed number (2003) - using default."],
  },
  "rtr-no-network-vru-for-dn": {
    text: "12:41:02 Trace: (763757 x 0 : 0 0) No network VRU is configured for dialed number CVPRC.2003(ID:5003)",
    near: ["11:10:15 Trace: (16 x 0 : 0 0) No NetworkVRU configured for peripheral for VRU capable call on dialed number 2003 from PG routing client CVPRC (ID 5001)."],
  },
  "rtr-network-vru-no-label": {
    text: "12:47:24 Trace: No label configured on network VRU Type10(ID:5000) for routing client CVPRC(ID:5001).",
    near: ["12:47:24 Trace: (763759 x 0 : 0 0) Correlation id for dialog is (8902)."],
  },
  "rtr-peripheral-no-network-vru": {
    text: "11:10:15 Trace: (16 x 0 : 0 0) No NetworkVRU configured for peripheral for VRU capable call on dialed number 2003 from PG routing client CVPRC (ID 5001).",
    near: ["12:41:02 Trace: (763757 x 0 : 0 0) No network VRU is configured for dialed number CVPRC.2003(ID:5003)"],
  },
  // DB Worker (dbWorker.ts); result=7 is not published: it stands for any code without a record of its own.
  "dbw-lookup-no-match": {
    text: "13:24:05 Trace: DBWorker transactionID 1, Failed! result=1",
    near: ["06:33:38 Trace: DBWorker transactionID 14583170, Failed! result=10", "13:25:25 Trace: DBWorker Thread 1 (ID 354428),transactionID 2, Succeeded."],
  },
  "dbw-lookup-response-too-large": {
    text: "06:33:38 Trace: DBWorker transactionID 14583170, Failed! result=10",
    near: ["13:24:05 Trace: DBWorker transactionID 1, Failed! result=1", "06:33:38 Trace: DBWorker transactionID 14583170, Failed! result=100"],
  },
  "dbw-lookup-failed": {
    text: "06:33:38 Trace: DBWorker transactionID 14583170, Failed! result=7",
    // The specific records explain these: the fallback stays quiet.
    near: ["13:24:05 Trace: DBWorker transactionID 1, Failed! result=1", "06:33:38 Trace: DBWorker transactionID 14583170, Failed! result=10"],
  },
  // PIMs (peripheralAcd.ts, vruPim.ts) and the PG Agent (pgAgent.ts)
  "aspect-cmi-server-connection-failed": {
    text: "10:11:12 Trace: CMIMessageReceiver: [WARNING] Connection to CMI Server failed; attempt #1",
    near: ["10:11:12 Trace: Connection to Central Controller side A failed"],
  },
  "vru-ecc-variable-not-defined": {
    text: '16:23:14 Trace: VRU attempted to register for a non-existant ECC variable: "ABC_Call10"',
    near: ["16:23:14 Trace: VRU attempted to register for a non-existant ECC variable"],
  },
  "pgag-dmp-systemid-assert": {
    text: "10:11:12 pg1A-pgag Fail: Assertion failed: dmpp->source == nmargs.DMPSystemID. File: D:\\R1\\dmp\\pg\\MESSAGES.CPP. Line 77",
    near: ["11:20:05 la-lgr Fail: Assertion failed: m_pConn != NULL. File: y:\\icm\\logger\\logger\\dbconn.cpp. Line 412"],
  },
  // JTAPI Gateway (jtapiGateway.ts)
  "jgw-route-invalid-destination": {
    text: "15:56:52 Trace: ReRouteEvent State: RE_ROUTE XRefID: 1 Cause: INVALID_DESTINATION RteAddr: 2002",
    near: ["15:56:56 Trace: RouteEndEvent State: ROUTE_END XRefID: 1 Cause: INVALID_DESTINATION RteAddr: 2002"],
  },
  "jgw-terminal-out-of-service": {
    text: "12:33:20 Trace: CiscoTermOutOfServiceEv Term: LCP50001182 Cause: DEVICE_UNREGISTERED",
    near: ["12:33:20 Trace: CiscoTermOutOfServiceEv Sending AddressOutOfService for 1 addresses"],
  },
  "jgw-address-out-of-service": {
    text: "12:33:19 Trace: CiscoAddrOutOfServiceEv Addr: 27148 Cause: CALLMANAGER_FAILURE",
    near: ["12:33:19 Trace:   MsgAddressOutOfService:  Addr: 27148 Cause: 1001"],
  },
  // Logger health (loggerHealth.ts), node events (nodeEvents.ts)
  "logger-local-time-stopped": {
    text: "10:11:12 Trace: Local Time Has Stopped for 10000 Milliseconds",
    near: ["10:11:12 Trace: Local time synchronized"],
  },
  "nm-operator-shutdown": {
    text: "10:11:12 Trace: The operator/administrator has shutdown the ICM software on ICM\\acme\\RouterA.",
    near: ["10:16:12 Trace: ICM\\acme\\RouterA Node Manager started. Last shutdown was by operator request."],
  },
};

const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9]*\}/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const idsOf = (text: string) => analyzeTrace(`${text}\n`).findings.map((f) => f.id);

function assertLocalized(value: Localized, where: string): void {
  for (const language of ["en", "ja"] as const) {
    assert.ok(value[language].trim().length > 0, `${where}.${language} is empty`);
    assert.doesNotMatch(value[language], /\bTODO\b|\bTBD\b|lorem ipsum/i, `${where}.${language} is a placeholder`);
  }
  assert.match(value.ja, JAPANESE, `${where}.ja has no Japanese`);
}

function assertLocalizedList(value: Localized<readonly string[]>, where: string): void {
  for (const language of ["en", "ja"] as const) {
    assert.ok(value[language].length > 0, `${where}.${language} has no items`);
  }
  assert.equal(value.en.length, value.ja.length, `${where}: en and ja have different item counts`);
  value.en.forEach((item, i) => assertLocalized({ en: item, ja: value.ja[i]! }, `${where}[${i}]`));
}

function assertComplete(record: Omit<FailureRecord, "match">): void {
  assert.match(record.id, KEBAB, `${record.id} is not kebab-case`);
  assert.ok(record.area.length > 0, `${record.id} has no area`);
  assertLocalized(record.title, `${record.id}.title`);
  assertLocalized(record.message, `${record.id}.message`);
  assertLocalized(record.explanation, `${record.id}.explanation`);
  assertLocalizedList(record.causes, `${record.id}.causes`);
  assertLocalizedList(record.fixes, `${record.id}.fixes`);
  for (const [i, hint] of record.quickFixes.entries()) {
    assertLocalized(hint.title, `${record.id}.quickFixes[${i}].title`);
    if (hint.kind === "copyCommand") assert.ok(hint.command.trim().length > 0, `${record.id}.quickFixes[${i}] has no command`);
    if (hint.kind === "openUrl") assert.match(hint.url, /^https?:\/\/\S+$/, `${record.id}.quickFixes[${i}] has no URL`);
  }
  // The same placeholders in both languages, so a translation cannot drop a value.
  const names = (s: string) => [...s.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]).sort();
  assert.deepEqual(names(record.message.ja), names(record.message.en), `${record.id}: en and ja placeholders differ`);
}

describe("catalogue records", () => {
  it("has at least 40 records with unique kebab-case ids", () => {
    assert.ok(catalogue.length >= 40, `only ${catalogue.length} records`);
    const ids = catalogue.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, "duplicate ids");
    for (const id of ids) assert.match(id, KEBAB);
  });

  it("gives every record a title, message, explanation, causes, fixes and quick-fix titles in English and Japanese", () => {
    for (const record of catalogue) assertComplete(record);
  });

  it("explains every record in its own words", () => {
    for (const language of ["en", "ja"] as const) {
      const seen = new Map<string, string>();
      for (const record of catalogue) {
        const text = record.explanation[language];
        assert.ok(!seen.has(text), `${record.id} repeats the ${language} explanation of ${seen.get(text)}`);
        seen.set(text, record.id);
      }
    }
  });

  it("only uses placeholders its match can fill", () => {
    const apiValues = ["apiError", "win32Name", "win32Meaning"];
    for (const record of catalogue) {
      if (record.match.kind !== "line") continue;
      const groups = [...(record.match.pattern?.source.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g) ?? [])].map((m) => m[1]!);
      const selectsApiError = record.match.apiErrors !== undefined || record.match.apiErrorsExcept !== undefined;
      const fromApi = record.match.anchor.includes("Last API Error") || selectsApiError ? apiValues : [];
      const available = new Set([...groups, ...fromApi]);
      for (const [, name] of record.message.en.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
        assert.ok(available.has(name!), `${record.id} uses {${name}} but its match does not provide it`);
      }
    }
  });

  it("names every Win32 error a Windows record selects", () => {
    for (const record of catalogue) {
      if (record.match.kind !== "line") continue;
      for (const code of [...(record.match.apiErrors ?? []), ...(record.match.apiErrorsExcept ?? [])]) {
        assert.ok(win32Error(code) !== undefined, `${record.id} selects ${code}, which the Win32 table lacks`);
      }
    }
  });

  it("lets no two Windows API records claim the same error number", () => {
    const claimed = new Map<string, string>();
    for (const record of catalogue) {
      if (record.match.kind !== "line" || record.match.apiErrors === undefined) continue;
      for (const code of record.match.apiErrors) {
        const key = `${record.match.anchor}|${record.match.pattern?.source ?? ""}|${code}`;
        assert.ok(!claimed.has(key), `${record.id} and ${claimed.get(key)} both claim ${code}`);
        claimed.set(key, record.id);
      }
    }
  });
});

describe("catalogue fixtures", () => {
  it("has one fixture per record", () => {
    const missing = catalogue.filter((r) => fixtures[r.id] === undefined).map((r) => r.id);
    assert.deepEqual(missing, []);
    const unknown = Object.keys(fixtures).filter((id) => !catalogue.some((r) => r.id === id));
    assert.deepEqual(unknown, []);
  });

  for (const record of catalogue) {
    const fixture = fixtures[record.id];
    if (fixture === undefined) continue;

    if (record.match.kind === "pair") {
      it(`${record.id}: its two traces together produce its finding, the same trace twice does not`, () => {
        const [finding, ...more] = checksumDifferences(analyzeTrace(`${fixture.text}\n`), analyzeTrace(`${fixture.peer ?? ""}\n`));
        assert.equal(finding?.id, record.id);
        assert.equal(more.length, 0);
        for (const language of ["en", "ja"] as const) assert.doesNotMatch(finding!.message[language], PLACEHOLDER);
        assert.deepEqual(checksumDifferences(analyzeTrace(fixture.text), analyzeTrace(fixture.text)), []);
      });
      continue;
    }

    it(`${record.id}: its fixture produces its finding${record.match.kind === "line" ? ", and only that one" : ""}`, () => {
      const analysis = analyzeTrace(`${fixture.text}\n`);
      const ids = analysis.findings.map((f) => f.id);
      if (record.match.kind === "line") assert.deepEqual(ids, [record.id]);
      else assert.ok(ids.includes(record.id), `${record.id} not in [${ids.join(", ")}]`);
      for (const finding of analysis.findings.filter((f) => f.id === record.id)) {
        // Sequence rules may raise or lower their record's severity; line records keep it.
        if (record.match.kind === "line") assert.equal(finding.severity, record.severity);
        for (const language of ["en", "ja"] as const) {
          assert.doesNotMatch(finding.message[language], PLACEHOLDER, `${record.id}: ${language} message left a placeholder: ${finding.message[language]}`);
        }
        for (const hint of record.quickFixes.filter((q): q is Extract<QuickFixHint, { kind: "copyCommand" }> => q.kind === "copyCommand")) {
          assert.doesNotMatch(fillTemplate(hint.command, finding.values), PLACEHOLDER, `${record.id}: command left a placeholder`);
        }
      }
    });

    for (const near of fixture.near ?? []) {
      it(`${record.id}: does not match the near miss ${JSON.stringify(near.slice(0, 60))}`, () => {
        assert.ok(!idsOf(near).includes(record.id));
      });
    }
  }

  it("fills the message from the trace's own values", () => {
    const [down] = analyzeTrace(`${fixtures["process-down-unknown-reason"]!.text}\n`).findings;
    assert.deepEqual(down!.values, { process: "lgr", node: "ICM\\cus01\\LoggerA", exitCode: "0xC0000005" });
    const [full] = analyzeTrace(`${fixtures["sql-filegroup-full"]!.text}\n`).findings;
    assert.match(full!.message.en, /database cus01_sideA: filegroup PRIMARY is full/);
    const [pipe] = analyzeTrace(`${fixtures["api-pipe-failure"]!.text}\n`).findings;
    assert.match(pipe!.message.ja, /ERROR_PIPE_NOT_CONNECTED（パイプの他端にプロセスがありません）/);
  });

  it("adds nothing new to the seed traces", () => {
    const before = ["run-together-entries", "temp-file-access-denied", "temp-file-disk-full", "state-send-aborted", "state-receive-incomplete"];
    for (const name of ["sideA-lgr-receive.txt", "sideB-lgr-send.txt", "sideB-lgr-send-disk-full.txt"]) {
      const ids = analyzeTrace(sample(name)).findings.map((f) => f.id);
      assert.deepEqual(ids.filter((id) => !before.includes(id)), [], name);
    }
  });
});

describe("pending sequence records (not in the catalogue yet)", () => {
  it("are complete, distinct from the catalogue, and not in it", () => {
    for (const record of pendingSequenceRecords) {
      assertComplete(record);
      assert.equal(catalogue.some((r) => r.id === record.id), false, `${record.id} is already in the catalogue`);
    }
    const all = [...catalogue, ...pendingSequenceRecords].map((r) => r.explanation.en);
    assert.equal(new Set(all).size, all.length);
  });
});

describe("Win32 error table", () => {
  const required = [
    2, 3, 5, 6, 8, 14, 21, 32, 33, 39, 53, 54, 55, 59, 64, 67, 87, 112, 121, 122, 183, 232, 233, 1053, 1117, 1219, 1326, 1385,
    1450, 1722, 1726, 10054, 10060, 10061,
  ];

  it("has at least 30 codes, each once, including the common ones", () => {
    assert.ok(win32Errors.length >= 30);
    const codes = win32Errors.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of required) assert.ok(win32Error(code) !== undefined, `missing ${code}`);
  });

  it("gives each a Win32 name and its meaning as English and Japanese Windows print it", () => {
    for (const e of win32Errors) {
      assert.match(e.name, /^(?:ERROR|RPC_S|WSA)[A-Z0-9_]*$/, `${e.code}: ${e.name}`);
      assert.match(e.meaning.en, /^[A-Z].*\.$/, `${e.code}: English meaning`);
      assert.match(e.meaning.ja, JAPANESE, `${e.code}: Japanese meaning`);
      assert.match(e.meaning.ja, /。$/, `${e.code}: Japanese meaning ends like Windows' own text`);
    }
    assert.equal(win32Error(5)!.meaning.ja, "アクセスが拒否されました。");
    assert.equal(win32Error(112)!.meaning.ja, "ディスクに十分な空き領域がありません。");
  });
});
