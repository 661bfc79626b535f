/**
 * The minimal React floor of the keystroke figure: one controlled input and a region that shows
 * its value, rendered by React 19 on each keystroke. Nothing else on the page.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [value, setValue] = useState('');
  return (
    <main>
      <label>
        Value
        <input data-bench-input value={value} onChange={(event) => setValue(event.target.value)} />
      </label>
      <section aria-label="Apple Wallet preview">
        <h2>Preview</h2>
        <p>{value}</p>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
