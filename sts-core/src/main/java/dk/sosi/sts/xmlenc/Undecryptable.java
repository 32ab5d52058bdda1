package dk.sosi.sts.xmlenc;

import dk.sosi.sts.fault.CallerText;

/**
 * Immutable. Why an encrypted assertion was not decrypted, for the debug log only: every instance ends
 * as the same fault, so that no caller learns which step failed.
 */
final class Undecryptable extends Exception {

    private static final long serialVersionUID = 1L;

    /** The longest detail kept; it may repeat parser messages about the caller's content. */
    private static final int MAX_DETAIL = 300;

    Undecryptable(String detail) {
        super(CallerText.limit(detail, MAX_DETAIL), null, false, false);
    }
}
