// Passkeys (WebAuthn) for the inbox's server-rendered pages, without inline script (the inbox's CSP allows none).
// A form marked data-passkey="create" (security page) or "request" (sign-in page) is not posted as it is: this asks the
// engine for options, lets the browser and the authenticator make or use the passkey, puts the result in the form's
// data-passkey-credential field and then posts the form, antiforgery token included. Listening on the document keeps it
// working after Blazor's enhanced navigation swaps the page's content.
(() => {
    'use strict';

    const endpoints = {
        create: '/inbox/account/passkeys/creation-options',
        request: '/inbox/sign-in/passkey-options',
    };

    const supported = () =>
        typeof navigator.credentials !== 'undefined' &&
        typeof window.PublicKeyCredential?.parseCreationOptionsFromJSON === 'function' &&
        typeof window.PublicKeyCredential?.parseRequestOptionsFromJSON === 'function';

    function explain(error) {
        if (error?.name === 'NotAllowedError' || error?.name === 'AbortError')
            return 'The passkey was not used: the request was cancelled or timed out. Try again.';
        if (error?.name === 'InvalidStateError')
            return 'This device already holds a passkey for your account.';
        if (error?.message === 'unsupported')
            return 'This browser does not support passkeys. Use a current browser, or sign in another way.';
        return 'The passkey could not be used. Try again, or sign in another way.';
    }

    function show(form, message) {
        const alert = form.querySelector('[data-passkey-error]');
        if (alert) {
            alert.textContent = message;
            alert.hidden = false;
        }
    }

    async function ceremony(operation) {
        if (!supported())
            throw new Error('unsupported');
        const response = await fetch(endpoints[operation], { method: 'POST', credentials: 'same-origin' });
        if (!response.ok)
            throw new Error(`options ${response.status}`);
        const options = await response.json();
        return operation === 'create'
            ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    }

    document.addEventListener('submit', async (event) => {
        const form = event.target;
        const operation = form instanceof HTMLFormElement ? form.dataset.passkey : undefined;
        if (operation !== 'create' && operation !== 'request')
            return;
        event.preventDefault();
        if (!form.reportValidity() || form.dataset.busy === 'true')
            return;
        form.dataset.busy = 'true';
        try {
            const credential = await ceremony(operation);
            form.querySelector('[data-passkey-credential]').value = JSON.stringify(credential);
            form.submit();
        } catch (error) {
            show(form, explain(error));
        } finally {
            form.dataset.busy = 'false';
        }
    }, true);
})();
