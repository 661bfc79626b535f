/**
 * The Lighthouse floor: the smallest Vite + React 19 page that paints a heading and a table of
 * the size of the list's first screen, built and served exactly as the dashboard is.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const rows = Array.from({ length: 10 }, (_, i) => ({ name: `Pass ${i + 1}`, issued: 100 + i, active: 50 + i }));

function App() {
  return (
    <main>
      <h1>Passes</h1>
      <p>Wallet passes of a workspace, for Apple Wallet and Google Wallet.</p>
      <table>
        <caption>Passes with their install counts</caption>
        <thead>
          <tr>
            <th scope="col">Pass</th>
            <th scope="col">Issued</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>{row.issued}</td>
              <td>{row.active}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
