-- GDPR Art. 20(2): the controller a portability subject asked us to send the data to directly ({"controller", "email"}),
-- and, when staff recorded that this is not technically feasible, why (the letter says so; nothing is sent then).
ALTER TABLE requests ADD COLUMN transmit_to jsonb;
ALTER TABLE requests ADD COLUMN transmission_refusal text
    CONSTRAINT requests_transmission_refusal CHECK (length(transmission_refusal) BETWEEN 1 AND 2000);

-- Whose address a pack code was sent to: the subject's, or the receiving controller's (its own link and endpoint). A
-- code opens the answer only through the door it was sent for.
ALTER TABLE pack_codes ADD COLUMN audience text NOT NULL DEFAULT 'subject'
    CONSTRAINT pack_codes_audience CHECK (audience IN ('subject', 'receiving-controller'));
