// The ICM phrases the rules, the transfer events and the timeline read, each written once. Sources:
// the state-transfer traces of the Japanese Cisco tech note on a Logger whose state transfer failed,
// and Cisco Doc 45340 "Why Does Cisco ICM Logger Fail to Synchronize?".

/** The receiving Logger starts a state transfer. */
export const RECEIVE_START = "Initiating state transfer RECEIVE operation";
/** The receiving Logger waits for its peer's state (every ten seconds). */
export const RECEIVE_WAIT = "Waiting for MDS Messages";
/** The sending Logger prepares its state for the peer. */
export const SEND_PREPARE = "PrepareToSendState";
/** The sending Logger copies its configuration into the state. */
export const SEND_SYNC = ["Synchronizing Configuration Data", "has completed Database Synchronization"] as const;
/** The sender's temporary state file cannot be made. */
export const TEMP_FILE_FAILED = "Unable to GetTempFileName";
/** The sender gives the transfer up. */
export const SEND_SETUP_FAILED = "Unable to setup to use file in sending state";
/** The sender throws the prepared state away. */
export const SEND_CLEANUP = "CleanupPreparedState";
/** Which part a trace plays in a transfer: the sending side's words and the receiving side's. */
export const SEND_ROLE_MARKERS: readonly string[] = [SEND_PREPARE, "in sending state"];
export const RECEIVE_ROLE_MARKERS: readonly string[] = [RECEIVE_START];

/** A process stopped on a failed assertion: `Fail: Assertion failed: …`. */
export const ASSERTION = "Assertion failed";
/** Node Manager saw a process go down. */
export const WENT_DOWN = "went down for unknown reason";
export const RESTARTING_PROCESS = "restarting process";

/** The sending side finished its transfer (lower case: matched without regard to case). */
export const SEND_DONE = ["state transfer send operation complete"] as const;
/** A state transfer finished: the receive is complete (lower case: matched without regard to case). */
export const TRANSFER_DONE = [
  "state transfer complete",
  "state transfer operation complete",
  "receive operation complete",
  "state transfer succeeded",
  "state transfer successful",
] as const;

/** Whether a message says a state transfer finished on the receiving side. */
export function isTransferDone(message: string): boolean {
  const lower = message.toLowerCase();
  return TRANSFER_DONE.some((phrase) => lower.includes(phrase));
}

/** Peer synchronisation of a duplexed pair that both sides' MDS log at one moment: anchors to align two hosts' clocks. */
export const PEER_SYNC_MARKERS = [
  // mds process window, "14:24:44 Communication with peer Synchronizer established.": Cisco Doc 25742,
  // http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a00800fe091.shtml
  // (one side of a duplex PG shown; excerpt test/fixtures/published/pg/mds-peer-synchronizer-established.txt).
  // That the peer logs it too is inferred, not shown: the two synchronizers make one connection to each
  // other over the private path (Doc 26300, https://cisco.com/c/en/us/support/docs/voice-unified-communications/unified-intelligent-contact-management-enterprise/26300-icm-synch.html).
  "Communication with peer Synchronizer established",
  // Not a peer marker: "MDS is in service." (rtr, lgr) is the local process reaching its own MDS; a
  // restarting Logger writes it right after "Connection to MDS process established." (samples/sideA-lgr-receive.txt).
] as const;
